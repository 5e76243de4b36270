package io.gwctl.proxy.dns;

import com.google.protobuf.util.Durations;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.endpoint.v3.LbEndpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LocalityLbEndpoints;
import io.gwctl.translate.envoy.EnvoySnapshot;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What DNS a config needs: the host names in the load assignments of its {@code STRICT_DNS} and
 * {@code LOGICAL_DNS} clusters (a ServiceEntry with {@code resolution: DNS} or {@code DNS_ROUND_ROBIN}), and how
 * often to look them up again.
 *
 * <p>Istio writes {@code dns_refresh_rate} (the mesh's {@code dnsRefreshRate}, 60s) and {@code respect_dns_ttl}
 * ({@code buildCluster}, istio/istio pilot/pkg/networking/core/cluster_builder.go); Envoy's default rate is 5s
 * ({@code envoyproxy/envoy api/envoy/config/cluster/v3/cluster.proto}). The JDK resolver does not expose record
 * TTLs, so the refresh rate is used as it is; the JDK's own address cache may keep an answer a little longer.
 */
public final class DnsClusters {

    /** Envoy's refresh rate when a cluster sets none. */
    public static final Duration DEFAULT_REFRESH_RATE = Duration.ofSeconds(5);

    private DnsClusters() {
    }

    /** Whether Envoy resolves the cluster's endpoint addresses with DNS. */
    public static boolean isDns(Cluster cluster) {
        return cluster.getType() == Cluster.DiscoveryType.STRICT_DNS
                || cluster.getType() == Cluster.DiscoveryType.LOGICAL_DNS;
    }

    /** Whether {@code address} is an IP address as written, which needs no lookup. */
    public static boolean isIpLiteral(String address) {
        return !address.isEmpty()
                && address.chars().allMatch(ch -> Character.digit(ch, 16) >= 0 || ch == '.' || ch == ':');
    }

    /** The host names a DNS cluster's endpoints name, in order, each once. */
    public static Set<String> hosts(ClusterLoadAssignment assignment) {
        Set<String> out = new LinkedHashSet<>();
        for (LocalityLbEndpoints locality : assignment.getEndpointsList()) {
            for (LbEndpoint lb : locality.getLbEndpointsList()) {
                String address = lb.getEndpoint().getAddress().getSocketAddress().getAddress();
                if (!address.isEmpty() && !isIpLiteral(address)) {
                    out.add(address);
                }
            }
        }
        return out;
    }

    /** The shortest refresh rate of the snapshot's DNS clusters; the default when there are none. */
    public static Duration refreshRate(EnvoySnapshot snapshot) {
        Duration shortest = null;
        for (Cluster c : snapshot.clusters()) {
            if (!isDns(c)) {
                continue;
            }
            Duration rate = c.hasDnsRefreshRate() && Durations.toMillis(c.getDnsRefreshRate()) > 0
                    ? Duration.ofMillis(Durations.toMillis(c.getDnsRefreshRate())) : DEFAULT_REFRESH_RATE;
            shortest = shortest == null || rate.compareTo(shortest) < 0 ? rate : shortest;
        }
        return shortest == null ? DEFAULT_REFRESH_RATE : shortest;
    }
}
