package io.gwctl.translate.envoy.match;

import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A route configuration compiled for routing requests: virtual hosts indexed by domain, routes with their
 * regexes compiled and header names lower-cased. {@code proxy-config trace} and the embedded data plane both
 * route with it, so they decide alike. Compiling validates nothing and never fails on odd config: a regex that
 * is not valid RE2 matches nothing. Immutable and safe to share between threads.
 *
 * <p>Cost: compiling is linear in the configuration. Choosing a virtual host costs one hash lookup for the
 * exact host plus at most one per distinct wildcard length shorter than the host, whatever the number of
 * virtual hosts, and allocates nothing when the host is already lower case. Choosing a route tries the routes
 * of that virtual host in order; matching allocates only to join a repeated header, to lower-case a value
 * for {@code ignore_case}, to cut the path for a regex, and to read a query parameter's value.
 */
public final class RouteTable {

    private final RouteConfiguration config;
    private final List<CompiledVirtualHost> virtualHosts;
    private final DomainIndex domains;

    private RouteTable(RouteConfiguration config) {
        this.config = Objects.requireNonNull(config, "config");
        List<CompiledVirtualHost> compiled = new ArrayList<>(config.getVirtualHostsCount());
        for (int i = 0; i < config.getVirtualHostsCount(); i++) {
            compiled.add(new CompiledVirtualHost(config.getVirtualHosts(i), i));
        }
        this.virtualHosts = List.copyOf(compiled);
        this.domains = new DomainIndex(virtualHosts);
    }

    public static RouteTable compile(RouteConfiguration config) {
        return new RouteTable(config);
    }

    public RouteConfiguration config() {
        return config;
    }

    /**
     * The virtual host Envoy's {@code RouteMatcher::findVirtualHost} chooses (envoyproxy/envoy
     * {@code source/common/router/config_impl.cc}): the exact domain, else the longest suffix wildcard
     * ({@code *.foo.com}, {@code *foo.com}), else the longest prefix wildcard ({@code foo.*}), else {@code *}.
     * A wildcard stands for at least one character; hosts and domains compare case-insensitively; the port is
     * part of the host ({@code foo.com:80} matches only the domain {@code foo.com:80}) unless
     * {@code ignore_port_in_host_matching}. A domain given twice belongs to the first virtual host with it.
     *
     * @param host the host after {@link HostNormalization#forRouting}; null is matched as the empty host
     * @return the virtual host, or null when none matches
     */
    public CompiledVirtualHost virtualHost(String host) {
        String lower = lowerCase(host);
        return domains.find(lower, matchedLength(lower));
    }

    /** The virtual hosts in config order. */
    List<CompiledVirtualHost> virtualHosts() {
        return virtualHosts;
    }

    /** The part of the host the domains are compared with: lower-cased, without a port when it is ignored. */
    String hostForMatching(String host) {
        String lower = lowerCase(host);
        return lower.substring(0, matchedLength(lower));
    }

    private static String lowerCase(String host) {
        return host == null ? "" : host.toLowerCase(Locale.ROOT);
    }

    private int matchedLength(String lowerHost) {
        int colon = config.getIgnorePortInHostMatching() ? Hosts.portColon(lowerHost) : -1;
        return colon < 0 ? lowerHost.length() : colon;
    }
}
