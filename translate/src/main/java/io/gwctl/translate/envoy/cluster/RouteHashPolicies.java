package io.gwctl.translate.envoy.cluster;

import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.config.route.v3.WeightedCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The hash policies of the routes to consistent-hash clusters: pilot puts a DestinationRule's consistent hash
 * key on every route action forwarding to the rule's host, one policy per destination of the route that has
 * one, without repeats ({@code hashForHTTPDestination} and {@code consistentHashToHashPolicy} in
 * istio/istio {@code pilot/pkg/networking/core/route/route.go}); the cluster alone cannot carry it.
 */
public final class RouteHashPolicies {

    private RouteHashPolicies() {
    }

    /** {@code routes} with the hash policies of their destinations' DestinationRules added. */
    public static List<RouteConfiguration> apply(List<RouteConfiguration> routes, ClusterHashPolicies hashes) {
        List<RouteConfiguration> out = new ArrayList<>(routes.size());
        for (RouteConfiguration config : routes) {
            RouteConfiguration.Builder builder = config.toBuilder();
            boolean changed = false;
            for (VirtualHost.Builder vh : builder.getVirtualHostsBuilderList()) {
                for (Route.Builder route : vh.getRoutesBuilderList()) {
                    if (!route.hasRoute()) {
                        continue;
                    }
                    RouteAction.Builder action = route.getRouteBuilder();
                    for (String cluster : clusters(action)) {
                        Optional<RouteAction.HashPolicy> policy = hashes.of(cluster);
                        if (policy.isPresent() && !action.getHashPolicyList().contains(policy.get())) {
                            action.addHashPolicy(policy.get());
                            changed = true;
                        }
                    }
                }
            }
            out.add(changed ? builder.build() : config);
        }
        return out;
    }

    private static List<String> clusters(RouteAction.Builder action) {
        return switch (action.getClusterSpecifierCase()) {
            case CLUSTER -> List.of(action.getCluster());
            case WEIGHTED_CLUSTERS -> action.getWeightedClusters().getClustersList().stream()
                    .map(WeightedCluster.ClusterWeight::getName).toList();
            default -> List.of();
        };
    }
}
