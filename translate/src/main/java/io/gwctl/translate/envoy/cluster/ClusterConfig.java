package io.gwctl.translate.envoy.cluster;

import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The clusters a gateway receives (CDS) and the endpoints of its EDS clusters (EDS).
 *
 * @param clusters  every outbound cluster, service and subset clusters in the order of the services the proxy
 *                  sees ({@link io.gwctl.translate.envoy.ServiceCatalog#visibleTo})
 * @param endpoints one load assignment per EDS cluster; DNS clusters carry theirs inline in
 *                  {@code load_assignment}, as pilot sends them
 * @param subsets   the labels each subset cluster selects its endpoints by, by cluster name
 */
public record ClusterConfig(List<Cluster> clusters, List<ClusterLoadAssignment> endpoints,
        Map<String, Map<String, String>> subsets) {

    public ClusterConfig {
        clusters = List.copyOf(clusters);
        endpoints = List.copyOf(endpoints);
        subsets = Map.copyOf(subsets);
    }

    public Optional<Cluster> cluster(String name) {
        return clusters.stream().filter(c -> c.getName().equals(name)).findFirst();
    }

    public Optional<ClusterLoadAssignment> endpoints(String clusterName) {
        return endpoints.stream().filter(e -> e.getClusterName().equals(clusterName)).findFirst();
    }
}
