package io.gwctl.translate.envoy;

import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import java.util.List;
import java.util.Optional;

/**
 * The Envoy configuration one gateway receives, as the real Envoy v3 protos: what {@code gwctl proxy-config}
 * prints and what {@code gwctl run-gateway} runs. Never a second, hand-written shape of Envoy config.
 *
 * @param listeners the listeners, one per bound port ({@code 0.0.0.0_8080})
 * @param routes    the RDS route configurations ({@code http.8080}, {@code https.443.https.gw.ns})
 * @param clusters  the clusters ({@code outbound|80||httpbin.default.svc.cluster.local})
 * @param endpoints the endpoints of each cluster known from the input
 * @param secrets   the SDS secrets the listeners refer to (key material included; printers redact it)
 */
public record EnvoySnapshot(List<Listener> listeners, List<RouteConfiguration> routes, List<Cluster> clusters,
        List<ClusterLoadAssignment> endpoints, List<Secret> secrets) {

    public EnvoySnapshot {
        listeners = List.copyOf(listeners);
        routes = List.copyOf(routes);
        clusters = List.copyOf(clusters);
        endpoints = List.copyOf(endpoints);
        secrets = List.copyOf(secrets);
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
