package io.gwctl.proxy.dns;

import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The addresses each host name of a runtime's DNS clusters resolved to; a name that did not resolve has none.
 * Immutable and compared by value, so a refresh can tell whether anything changed.
 */
public final class DnsAnswers {

    /** No names looked up: a config without DNS clusters. */
    public static final DnsAnswers NONE = new DnsAnswers(Map.of());

    private final Map<String, List<InetAddress>> byHost;

    private DnsAnswers(Map<String, List<InetAddress>> byHost) {
        this.byHost = byHost;
    }

    /** Answers by host name. */
    public static DnsAnswers of(Map<String, List<InetAddress>> byHost) {
        Objects.requireNonNull(byHost, "byHost");
        return byHost.isEmpty() ? NONE : new DnsAnswers(Map.copyOf(byHost));
    }

    /** The names looked up. */
    public Set<String> hosts() {
        return byHost.keySet();
    }

    /** The names that gave no address, sorted. */
    public Set<String> unresolved() {
        Set<String> out = new TreeSet<>();
        byHost.forEach((host, addresses) -> {
            if (addresses.isEmpty()) {
                out.add(host);
            }
        });
        return out;
    }

    /**
     * The addresses of {@code host} a cluster with lookup family {@code family} uses, as Envoy's DNS resolver
     * filters them ({@code envoyproxy/envoy source/extensions/network/dns_resolver/cares/dns_impl.cc}):
     * {@code V4_ONLY} and {@code V6_ONLY} keep one family, {@code V4_PREFERRED} and {@code AUTO} (IPv6 first) fall
     * back to the other family when the preferred one has none, {@code ALL} keeps both.
     */
    public List<InetAddress> addresses(String host, Cluster.DnsLookupFamily family) {
        List<InetAddress> all = byHost.getOrDefault(host, List.of());
        List<InetAddress> v4 = all.stream().filter(a -> a instanceof Inet4Address).toList();
        List<InetAddress> v6 = all.stream().filter(a -> a instanceof Inet6Address).toList();
        return switch (family) {
            case V4_ONLY -> v4;
            case V6_ONLY -> v6;
            case V4_PREFERRED -> v4.isEmpty() ? v6 : v4;
            case AUTO -> v6.isEmpty() ? v4 : v6;
            default -> all;
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DnsAnswers other && other.byHost.equals(byHost);
    }

    @Override
    public int hashCode() {
        return byHost.hashCode();
    }

    @Override
    public String toString() {
        return byHost.toString();
    }
}
