package io.gwctl.cli.proxyconfig;

import io.envoyproxy.envoy.config.core.v3.HealthStatus;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.endpoint.v3.LbEndpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LocalityLbEndpoints;
import java.util.List;

/**
 * {@code proxy-config endpoints}, as istioctl's endpoint table ({@code istioctl/pkg/writer/envoy/clusters}):
 * an endpoint whose health is not known counts as healthy, as Envoy treats it; outlier state is
 * {@code OK} in static config (the running gateway's admin reports ejections).
 */
public final class EndpointsTable {

    private EndpointsTable() {
    }

    public static String render(List<ClusterLoadAssignment> assignments) {
        TextTable table = new TextTable("ENDPOINT", "STATUS", "OUTLIER CHECK", "CLUSTER");
        for (ClusterLoadAssignment cla : assignments) {
            for (LocalityLbEndpoints locality : cla.getEndpointsList()) {
                for (LbEndpoint endpoint : locality.getLbEndpointsList()) {
                    SocketAddress address = endpoint.getEndpoint().getAddress().getSocketAddress();
                    HealthStatus status = endpoint.getHealthStatus() == HealthStatus.UNKNOWN
                            ? HealthStatus.HEALTHY : endpoint.getHealthStatus();
                    table.add(address.getAddress() + ":" + address.getPortValue(), status.name(), "OK",
                            cla.getClusterName());
                }
            }
        }
        return table.render();
    }
}
