package io.gwctl.translate.envoy.cluster;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import io.envoyproxy.envoy.type.v3.HashPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The source-IP hash policy of TCP proxies to consistent-hash clusters: pilot sets {@code hash_policy: source_ip}
 * on a {@code tcp_proxy} when the DestinationRule of its destination (or of the destination's subset, whose own
 * load balancer wins) hashes by {@code useSourceIp}; for weighted destinations, when any of them does
 * ({@code maybeSetHashPolicy} in istio/istio {@code pilot/pkg/networking/core/networkfilter.go}). A TCP proxy can
 * hash by nothing else.
 */
public final class TcpHashPolicies {

    private static final HashPolicy SOURCE_IP = HashPolicy.newBuilder()
            .setSourceIp(HashPolicy.SourceIp.getDefaultInstance()).build();

    private TcpHashPolicies() {
    }

    /** {@code listeners} with the hash policy set on their TCP proxies that need one. */
    public static List<Listener> apply(List<Listener> listeners, ClusterHashPolicies hashes) {
        List<Listener> out = new ArrayList<>(listeners.size());
        for (Listener listener : listeners) {
            Listener.Builder builder = listener.toBuilder();
            boolean changed = false;
            for (FilterChain.Builder chain : builder.getFilterChainsBuilderList()) {
                for (Filter.Builder filter : chain.getFiltersBuilderList()) {
                    Optional<TcpProxy> proxy = tcpProxy(filter);
                    if (proxy.isPresent() && proxy.get().getHashPolicyCount() == 0
                            && clusters(proxy.get()).stream().anyMatch(c -> hashesBySourceIp(hashes.of(c)))) {
                        filter.setTypedConfig(Any.pack(proxy.get().toBuilder().addHashPolicy(SOURCE_IP).build()));
                        changed = true;
                    }
                }
            }
            out.add(changed ? builder.build() : listener);
        }
        return out;
    }

    private static Optional<TcpProxy> tcpProxy(Filter.Builder filter) {
        if (!filter.hasTypedConfig() || !filter.getTypedConfig().is(TcpProxy.class)) {
            return Optional.empty();
        }
        try {
            return Optional.of(filter.getTypedConfig().unpack(TcpProxy.class));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("a tcp_proxy this translation wrote does not parse", e);
        }
    }

    private static List<String> clusters(TcpProxy proxy) {
        return proxy.getCluster().isEmpty()
                ? proxy.getWeightedClusters().getClustersList().stream()
                        .map(TcpProxy.WeightedCluster.ClusterWeight::getName).toList()
                : List.of(proxy.getCluster());
    }

    private static boolean hashesBySourceIp(Optional<RouteAction.HashPolicy> policy) {
        return policy.filter(p -> p.getPolicySpecifierCase() == RouteAction.HashPolicy.PolicySpecifierCase.CONNECTION_PROPERTIES
                        && p.getConnectionProperties().getSourceIp())
                .isPresent();
    }
}
