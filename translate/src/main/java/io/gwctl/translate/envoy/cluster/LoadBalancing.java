package io.gwctl.translate.envoy.cluster;

import com.google.protobuf.UInt64Value;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettingsConsistentHash;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettingsConsistentHashLB;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettingsConsistentHashLBHttpCookie;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettingsConsistentHashLBHttpHeaderName;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettingsConsistentHashLBHttpQueryParameterName;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettingsConsistentHashLBMaglev;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettingsConsistentHashLBUseSourceIp;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettingsSimple;
import io.gwctl.validate.rules.names.Durations;
import java.util.Optional;

/**
 * A DestinationRule's {@code loadBalancer} on a cluster, as pilot's {@code applyLoadBalancer} and
 * {@code ApplyRingHashLoadBalancer} ({@code cluster_traffic_policy.go}) set it, and the route hash policy a
 * consistent hash needs ({@code consistentHashToHashPolicy} in {@code route/route.go}).
 */
public final class LoadBalancing {

    private LoadBalancing() {
    }

    /**
     * Sets the policy on {@code c}: ORIGINAL_DST clusters always use CLUSTER_PROVIDED; otherwise LEAST_REQUEST
     * unless {@code simple} says otherwise ({@code defaultLBAlgorithm}); PASSTHROUGH turns the cluster into an
     * ORIGINAL_DST one; a consistent hash makes it MAGLEV, or RING_HASH by default.
     */
    static void apply(Cluster.Builder c, Optional<LoadBalancerSettings> settings) {
        if (c.getType() == Cluster.DiscoveryType.ORIGINAL_DST) {
            c.setLbPolicy(Cluster.LbPolicy.CLUSTER_PROVIDED);
            return;
        }
        c.setLbPolicy(Cluster.LbPolicy.LEAST_REQUEST);
        if (settings.isEmpty()) {
            return;
        }
        if (settings.get().getLbPolicy() instanceof LoadBalancerSettingsSimple simple && simple.getSimple() != null) {
            switch (simple.getSimple()) {
                case RANDOM -> c.setLbPolicy(Cluster.LbPolicy.RANDOM);
                case ROUND_ROBIN -> c.setLbPolicy(Cluster.LbPolicy.ROUND_ROBIN);
                case PASSTHROUGH -> c.setLbPolicy(Cluster.LbPolicy.CLUSTER_PROVIDED)
                        .setType(Cluster.DiscoveryType.ORIGINAL_DST)
                        .clearEdsClusterConfig()
                        .clearLoadAssignment();
                default -> c.setLbPolicy(Cluster.LbPolicy.LEAST_REQUEST);
            }
            return;
        }
        consistentHash(settings.get()).ifPresent(hash -> {
            if (hash.getHashAlgorithm() instanceof LoadBalancerSettingsConsistentHashLBMaglev maglev) {
                c.setLbPolicy(Cluster.LbPolicy.MAGLEV);
                Long size = maglev.getMaglev() == null ? null : maglev.getMaglev().getTableSize();
                if (size != null && size != 0) {
                    c.setMaglevLbConfig(Cluster.MaglevLbConfig.newBuilder().setTableSize(UInt64Value.of(size)));
                }
                return;
            }
            c.setLbPolicy(Cluster.LbPolicy.RING_HASH);
            // a DestinationRule with consistentHash.ringHash does not bind to the typed model, so only the
            // deprecated minimumRingSize reaches this point
            Long size = hash.getMinimumRingSize();
            if (size != null && size != 0) {
                c.setRingHashLbConfig(Cluster.RingHashLbConfig.newBuilder().setMinimumRingSize(UInt64Value.of(size)));
            }
        });
    }

    private static Optional<LoadBalancerSettingsConsistentHashLB> consistentHash(LoadBalancerSettings lb) {
        return lb.getLbPolicy() instanceof LoadBalancerSettingsConsistentHash ch
                ? Optional.ofNullable(ch.getConsistentHash()) : Optional.empty();
    }

    /**
     * The route hash policy of a consistent hash load balancer, which goes on the routes to the cluster rather
     * than on the cluster ({@code consistentHashToHashPolicy}): a header, a cookie (name, path, TTL), the
     * source IP, or a query parameter. Empty when {@code settings} has no consistent hash.
     */
    public static Optional<RouteAction.HashPolicy> hashPolicy(LoadBalancerSettings settings) {
        if (settings == null) {
            return Optional.empty();
        }
        return consistentHash(settings).map(LoadBalancerSettingsConsistentHashLB::getHashKey).flatMap(key -> {
            RouteAction.HashPolicy.Builder out = RouteAction.HashPolicy.newBuilder();
            if (key instanceof LoadBalancerSettingsConsistentHashLBHttpHeaderName h && h.getHttpHeaderName() != null) {
                out.setHeader(RouteAction.HashPolicy.Header.newBuilder().setHeaderName(h.getHttpHeaderName()));
            } else if (key instanceof LoadBalancerSettingsConsistentHashLBHttpCookie c && c.getHttpCookie() != null
                    && c.getHttpCookie().getName() != null) {
                RouteAction.HashPolicy.Cookie.Builder cookie = RouteAction.HashPolicy.Cookie.newBuilder()
                        .setName(c.getHttpCookie().getName());
                if (c.getHttpCookie().getPath() != null) {
                    cookie.setPath(c.getHttpCookie().getPath());
                }
                if (c.getHttpCookie().getTtl() != null) {
                    Durations.parse(c.getHttpCookie().getTtl()).ifPresent(d -> cookie.setTtl(
                            com.google.protobuf.Duration.newBuilder().setSeconds(d.getSeconds()).setNanos(d.getNano())));
                }
                out.setCookie(cookie);
            } else if (key instanceof LoadBalancerSettingsConsistentHashLBUseSourceIp ip
                    && Boolean.TRUE.equals(ip.getUseSourceIp())) {
                out.setConnectionProperties(RouteAction.HashPolicy.ConnectionProperties.newBuilder().setSourceIp(true));
            } else if (key instanceof LoadBalancerSettingsConsistentHashLBHttpQueryParameterName q
                    && q.getHttpQueryParameterName() != null) {
                out.setQueryParameter(RouteAction.HashPolicy.QueryParameter.newBuilder()
                        .setName(q.getHttpQueryParameterName()));
            } else {
                return Optional.empty();
            }
            return Optional.of(out.build());
        });
    }
}
