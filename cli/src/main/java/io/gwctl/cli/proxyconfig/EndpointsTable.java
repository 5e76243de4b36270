package io.gwctl.cli.proxyconfig;

import io.envoyproxy.envoy.admin.v3.ClusterStatus;
import io.envoyproxy.envoy.admin.v3.HostStatus;
import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.HealthStatus;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.endpoint.v3.LbEndpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LocalityLbEndpoints;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code proxy-config endpoints}, as istioctl's endpoint table ({@code istioctl/pkg/writer/envoy/clusters}):
 * from config, an endpoint whose health is not known counts as healthy, as Envoy treats it, and outlier state
 * is {@code OK}; from a running gateway's {@code /clusters}, each host's EDS health and whether outlier
 * detection ejected it ({@code FAILED}), sorted by address, port and cluster as istioctl sorts them.
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

    /** The live endpoint table of a running gateway's {@code /clusters?format=json}. */
    public static String renderLive(List<ClusterStatus> clusters) {
        record Row(String address, int port, String cluster, String status, boolean ejected) {
        }
        List<Row> rows = new ArrayList<>();
        for (ClusterStatus cluster : clusters) {
            for (HostStatus host : cluster.getHostStatusesList()) {
                Address address = host.getAddress();
                String ip = address.hasSocketAddress() ? address.getSocketAddress().getAddress()
                        : "unix://" + address.getPipe().getPath();
                rows.add(new Row(ip, address.getSocketAddress().getPortValue(), cluster.getName(),
                        host.getHealthStatus().getEdsHealthStatus().name(), host.getHealthStatus().getFailedOutlierCheck()));
            }
        }
        rows.sort(Comparator.comparing(Row::address).thenComparingInt(Row::port).thenComparing(Row::cluster));
        TextTable table = new TextTable("ENDPOINT", "STATUS", "OUTLIER CHECK", "CLUSTER");
        for (Row row : rows) {
            table.add(row.port() == 0 ? row.address() : row.address() + ":" + row.port(), row.status(),
                    row.ejected() ? "FAILED" : "OK", row.cluster());
        }
        return table.render();
    }
}
