package io.gwctl.translate.envoy.cluster;

import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import com.google.protobuf.InvalidProtocolBufferException;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CommonTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    private static final String ADS_SECRET_PREFIX = "kubernetes://";

    public ClusterConfig {
        clusters = List.copyOf(clusters);
        endpoints = List.copyOf(endpoints);
        subsets = Map.copyOf(subsets);
    }

    /**
     * The SDS names the clusters' upstream TLS contexts ask istiod for over ADS ({@code kubernetes://<name>}
     * and {@code kubernetes://<name>-cacert}), in cluster order without repeats; names the agent serves from
     * files ({@code file-cert:}, {@code file-root:}) are not among them.
     */
    public List<String> secretNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Cluster c : clusters) {
            if (!c.hasTransportSocket() || !c.getTransportSocket().getTypedConfig().is(UpstreamTlsContext.class)) {
                continue;
            }
            try {
                CommonTlsContext common = c.getTransportSocket().getTypedConfig().unpack(UpstreamTlsContext.class)
                        .getCommonTlsContext();
                common.getTlsCertificateSdsSecretConfigsList().forEach(s -> names.add(s.getName()));
                names.add(common.getCombinedValidationContext().getValidationContextSdsSecretConfig().getName());
                names.add(common.getValidationContextSdsSecretConfig().getName());
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException("a cluster's own TLS context does not parse", e);
            }
        }
        return names.stream().filter(n -> n.startsWith(ADS_SECRET_PREFIX)).toList();
    }

    public Optional<Cluster> cluster(String name) {
        return clusters.stream().filter(c -> c.getName().equals(name)).findFirst();
    }

    public Optional<ClusterLoadAssignment> endpoints(String clusterName) {
        return endpoints.stream().filter(e -> e.getClusterName().equals(clusterName)).findFirst();
    }
}
