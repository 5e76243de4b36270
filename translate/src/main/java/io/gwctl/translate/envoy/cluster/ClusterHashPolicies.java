package io.gwctl.translate.envoy.cluster;

import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.fabric8.istio.api.api.networking.v1alpha3.Subset;
import io.fabric8.istio.api.api.networking.v1alpha3.TrafficPolicy;
import io.gwctl.model.resource.Resource;
import io.gwctl.translate.envoy.ClusterName;
import io.gwctl.translate.envoy.GatewayOptions;
import io.gwctl.translate.envoy.MeshService;
import io.gwctl.translate.envoy.ProxyNamespace;
import io.gwctl.translate.envoy.ServiceCatalog;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hash policy a DestinationRule gives the traffic to each cluster of one config, when it balances by
 * consistent hash (pilot's {@code consistentHashToHashPolicy}): the services and rules are indexed once, and each
 * cluster's answer is worked out once, however many routes and TCP proxies forward to it.
 */
public final class ClusterHashPolicies {

    private final ServiceCatalog services;
    private final DestinationRules rules;
    private final Map<String, Optional<RouteAction.HashPolicy>> byCluster = new HashMap<>();

    public ClusterHashPolicies(List<Resource> resources, GatewayOptions options) {
        String proxyNamespace = ProxyNamespace.of(resources, options.selector());
        this.services = ServiceCatalog.of(resources, options.domainSuffix()).visibleTo(proxyNamespace);
        this.rules = new DestinationRules(resources, options, proxyNamespace);
    }

    /** The hash policy of traffic to {@code cluster} ({@code outbound|port|subset|host}), if its rule hashes. */
    public Optional<RouteAction.HashPolicy> of(String cluster) {
        return byCluster.computeIfAbsent(cluster,
                c -> ClusterName.parse(c).flatMap(n -> of(n.host(), n.port(), n.subset())));
    }

    /** The hash policy of traffic to {@code host:port} ({@code subset} of it, or empty). */
    Optional<RouteAction.HashPolicy> of(String host, int port, String subset) {
        String namespace = services.find(host).map(MeshService::namespace).orElse("");
        return rules.forHost(host, namespace).flatMap(rule -> {
            TrafficPolicy subsetPolicy = rule.subsets().stream().filter(s -> s.getName().equals(subset))
                    .findFirst().map(Subset::getTrafficPolicy).orElse(null);
            return LoadBalancing.hashPolicy(
                    DestinationRules.policy(rule.trafficPolicy(), subsetPolicy, port).loadBalancer());
        });
    }
}
