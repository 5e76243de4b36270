package io.gwctl.translate.envoy;

import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Envoy configuration one gateway receives, as the real Envoy v3 protos: what {@code gwctl proxy-config}
 * prints and what {@code gwctl run-gateway} runs. Never a second, hand-written shape of Envoy config.
 *
 * @param listeners the listeners, one per bound port ({@code 0.0.0.0_8080})
 * @param routes    the RDS route configurations ({@code http.8080}, {@code https.443.https.gw.ns})
 * @param clusters  the clusters ({@code outbound|80||httpbin.default.svc.cluster.local})
 * @param endpoints the endpoints of each cluster known from the input
 * @param secrets   the SDS secrets the listeners and clusters refer to (key material included; printers redact it)
 * @param subsets   the labels of each DestinationRule subset cluster, by cluster name: not Envoy config (pilot
 *                  filters the endpoints of a subset cluster itself), kept for a data plane that adds endpoints
 *                  of its own; empty for a snapshot read from a config dump
 */
public record EnvoySnapshot(List<Listener> listeners, List<RouteConfiguration> routes, List<Cluster> clusters,
        List<ClusterLoadAssignment> endpoints, List<Secret> secrets, Map<String, Map<String, String>> subsets) {

    public EnvoySnapshot {
        listeners = List.copyOf(listeners);
        routes = List.copyOf(routes);
        clusters = List.copyOf(clusters);
        endpoints = List.copyOf(endpoints);
        secrets = List.copyOf(secrets);
        subsets = Map.copyOf(subsets);
    }

    /** A snapshot without subset labels, as a config dump carries none. */
    public EnvoySnapshot(List<Listener> listeners, List<RouteConfiguration> routes, List<Cluster> clusters,
            List<ClusterLoadAssignment> endpoints, List<Secret> secrets) {
        this(listeners, routes, clusters, endpoints, secrets, Map.of());
    }

    /** The labels subset cluster {@code clusterName} selects endpoints by; empty when it is no subset cluster. */
    public Optional<Map<String, String>> subsetLabels(String clusterName) {
        return Optional.ofNullable(subsets.get(clusterName));
    }

    /** The route configuration named {@code name} ({@code http.8080}). */
    public Optional<RouteConfiguration> route(String name) {
        return routes.stream().filter(r -> r.getName().equals(name)).findFirst();
    }

    public Optional<Cluster> cluster(String name) {
        return clusters.stream().filter(c -> c.getName().equals(name)).findFirst();
    }

    public Optional<ClusterLoadAssignment> endpoints(String clusterName) {
        return endpoints.stream().filter(e -> e.getClusterName().equals(clusterName)).findFirst();
    }
}
