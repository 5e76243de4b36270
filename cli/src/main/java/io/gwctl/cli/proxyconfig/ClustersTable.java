package io.gwctl.cli.proxyconfig;

import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.gwctl.translate.envoy.ClusterName;
import java.util.List;

/**
 * {@code proxy-config clusters}, as istioctl's cluster table ({@code configdump/cluster.go}): Istio cluster
 * names are split into service, port, subset and direction; other names print whole, with {@code -}s.
 */
public final class ClustersTable {

    private ClustersTable() {
    }

    public static String render(List<Cluster> clusters) {
        TextTable table = new TextTable("SERVICE FQDN", "PORT", "SUBSET", "DIRECTION", "TYPE", "DESTINATION RULE");
        for (Cluster cluster : clusters) {
            String type = cluster.hasClusterType() ? cluster.getClusterType().getName() : cluster.getType().name();
            String rule = IstioMetadata.configName(cluster.getMetadata());
            ClusterName.parse(cluster.getName()).ifPresentOrElse(
                    n -> table.add(n.host(), String.valueOf(n.port()), n.subset().isEmpty() ? "-" : n.subset(),
                            n.direction(), type, rule),
                    () -> table.add(cluster.getName(), "-", "-", "-", type, rule));
        }
        return table.render();
    }
}
