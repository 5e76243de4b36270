package io.gwctl.proxy.admin;

import com.google.protobuf.UInt32Value;
import io.envoyproxy.envoy.admin.v3.ClusterStatus;
import io.envoyproxy.envoy.admin.v3.Clusters;
import io.envoyproxy.envoy.admin.v3.HostHealthStatus;
import io.envoyproxy.envoy.admin.v3.HostStatus;
import io.envoyproxy.envoy.admin.v3.SimpleMetric;
import io.envoyproxy.envoy.config.cluster.v3.CircuitBreakers;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.HealthStatus;
import io.envoyproxy.envoy.config.core.v3.Locality;
import io.envoyproxy.envoy.config.core.v3.RoutingPriority;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.endpoint.v3.LbEndpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LocalityLbEndpoints;
import io.gwctl.proxy.stats.HostStats;
import io.gwctl.translate.envoy.EnvoySnapshot;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /clusters}, as Envoy's admin prints it (envoyproxy/envoy source/server/admin/clusters_handler.cc): the
 * {@code envoy.admin.v3.Clusters} message for {@code ?format=json}, and the {@code ::}-separated text made
 * from the same message otherwise:
 *
 * <pre>
 * outbound|8000||httpbin.default.svc.cluster.local::10.0.0.1:8000::rq_total::3
 * outbound|8000||httpbin.default.svc.cluster.local::10.0.0.1:8000::health_flags::/failed_outlier_check
 * </pre>
 *
 * <p>Circuit-breaker limits, the EDS service name and each host's locality and priority come from the
 * config being served; limits the config leaves unset print as Envoy's defaults (1024 connections, pending
 * and requests, 3 retries). Hosts carry no success rate (outlier detection here ejects on consecutive
 * errors), so it prints as {@code -1}, as Envoy prints a rate it has not computed.
 */
final class ClusterStatuses {

    private static final int DEFAULT_MAX_CONNECTIONS = 1024;
    private static final int DEFAULT_MAX_PENDING_REQUESTS = 1024;
    private static final int DEFAULT_MAX_REQUESTS = 1024;
    private static final int DEFAULT_MAX_RETRIES = 3;

    private ClusterStatuses() {
    }

    /** Where an endpoint sits in the config: its locality and priority. */
    private record Placement(Locality locality, int priority) {
    }

    static Clusters proto(List<ClusterState> clusters, EnvoySnapshot snapshot) {
        Map<String, Cluster> configs = new HashMap<>();
        snapshot.clusters().forEach(c -> configs.put(c.getName(), c));
        Map<String, Placement> placements = placements(snapshot);
        Clusters.Builder out = Clusters.newBuilder();
        for (ClusterState cluster : clusters) {
            Cluster config = configs.getOrDefault(cluster.name(), Cluster.getDefaultInstance());
            ClusterStatus.Builder status = out.addClusterStatusesBuilder()
                    .setName(cluster.name())
                    .setObservabilityName(config.getAltStatName().isEmpty() ? cluster.name() : config.getAltStatName())
                    .setEdsServiceName(config.getEdsClusterConfig().getServiceName())
                    .setAddedViaApi(true)
                    .setCircuitBreakers(CircuitBreakers.newBuilder()
                            .addThresholds(thresholds(config, RoutingPriority.DEFAULT))
                            .addThresholds(thresholds(config, RoutingPriority.HIGH)));
            for (HostState host : cluster.hosts()) {
                Placement placement = placements.getOrDefault(placementKey(cluster.name(), host.address(), host.port()),
                        new Placement(Locality.getDefaultInstance(), 0));
                status.addHostStatuses(host(host, placement));
            }
        }
        return out.build();
    }

    private static HostStatus host(HostState host, Placement placement) {
        HostStats stats = host.stats();
        return HostStatus.newBuilder()
                .setAddress(Address.newBuilder().setSocketAddress(
                        SocketAddress.newBuilder().setAddress(host.address()).setPortValue(host.port())))
                .setHostname(host.hostname())
                .setLocality(placement.locality())
                .addStats(metric("cx_total", stats.cxTotal(), SimpleMetric.Type.COUNTER))
                .addStats(metric("rq_error", stats.rqError(), SimpleMetric.Type.COUNTER))
                .addStats(metric("rq_success", stats.rqSuccess(), SimpleMetric.Type.COUNTER))
                .addStats(metric("rq_timeout", stats.rqTimeout(), SimpleMetric.Type.COUNTER))
                .addStats(metric("rq_total", stats.rqTotal(), SimpleMetric.Type.COUNTER))
                .addStats(metric("cx_active", stats.cxActive(), SimpleMetric.Type.GAUGE))
                .addStats(metric("rq_active", stats.rqActive(), SimpleMetric.Type.GAUGE))
                .setHealthStatus(HostHealthStatus.newBuilder()
                        .setFailedOutlierCheck(host.outlierEjected())
                        .setEdsHealthStatus(host.healthy() ? HealthStatus.HEALTHY : HealthStatus.UNHEALTHY))
                .setWeight(host.weight())
                .setPriority(placement.priority())
                .build();
    }

    static String text(Clusters clusters) {
        StringBuilder out = new StringBuilder();
        for (ClusterStatus cluster : clusters.getClusterStatusesList()) {
            String name = cluster.getName();
            line(out, name, "observability_name", cluster.getObservabilityName());
            for (CircuitBreakers.Thresholds t : cluster.getCircuitBreakers().getThresholdsList()) {
                String priority = t.getPriority() == RoutingPriority.HIGH ? "high_priority" : "default_priority";
                line(out, name, priority + "::max_connections", unsigned(t.getMaxConnections()));
                line(out, name, priority + "::max_pending_requests", unsigned(t.getMaxPendingRequests()));
                line(out, name, priority + "::max_requests", unsigned(t.getMaxRequests()));
                line(out, name, priority + "::max_retries", unsigned(t.getMaxRetries()));
            }
            line(out, name, "added_via_api", cluster.getAddedViaApi());
            if (!cluster.getEdsServiceName().isEmpty()) {
                line(out, name, "eds_service_name", cluster.getEdsServiceName());
            }
            for (HostStatus host : cluster.getHostStatusesList()) {
                String prefix = name + "::" + hostAddress(host.getAddress().getSocketAddress());
                host.getStatsList().stream().sorted(Comparator.comparing(SimpleMetric::getName))
                        .forEach(m -> line(out, prefix, m.getName(), m.getValue()));
                line(out, prefix, "hostname", host.getHostname());
                line(out, prefix, "health_flags", healthFlags(host.getHealthStatus()));
                line(out, prefix, "weight", host.getWeight());
                line(out, prefix, "region", host.getLocality().getRegion());
                line(out, prefix, "zone", host.getLocality().getZone());
                line(out, prefix, "sub_zone", host.getLocality().getSubZone());
                line(out, prefix, "canary", false);
                line(out, prefix, "priority", host.getPriority());
                line(out, prefix, "success_rate", -1);
                line(out, prefix, "local_origin_success_rate", -1);
            }
        }
        return out.toString();
    }

    /**
     * Envoy's {@code HostUtility::healthFlagsToString}: {@code healthy}, or each flag that is set as
     * {@code /flag}, in Envoy's flag order.
     */
    static String healthFlags(HostHealthStatus health) {
        StringBuilder flags = new StringBuilder();
        if (health.getFailedActiveHealthCheck()) {
            flags.append("/failed_active_hc");
        }
        if (health.getFailedOutlierCheck()) {
            flags.append("/failed_outlier_check");
        }
        if (health.getEdsHealthStatus() == HealthStatus.UNHEALTHY) {
            flags.append("/failed_eds_health");
        }
        if (health.getEdsHealthStatus() == HealthStatus.DEGRADED) {
            flags.append("/degraded_eds_health");
        }
        return flags.length() == 0 ? "healthy" : flags.toString();
    }

    /** {@code ip:port}, with an IPv6 address in brackets, as Envoy's {@code Address::asString}. */
    static String hostAddress(SocketAddress address) {
        String ip = address.getAddress();
        return (ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":" + address.getPortValue();
    }

    private static void line(StringBuilder out, String prefix, String key, Object value) {
        out.append(prefix).append("::").append(key).append("::").append(value).append('\n');
    }

    /** A uint32 as Envoy prints it: Istio's "no limit" is 4294967295, not -1. */
    private static long unsigned(UInt32Value value) {
        return Integer.toUnsignedLong(value.getValue());
    }

    private static SimpleMetric metric(String name, long value, SimpleMetric.Type type) {
        return SimpleMetric.newBuilder().setName(name).setValue(value).setType(type).build();
    }

    private static CircuitBreakers.Thresholds thresholds(Cluster config, RoutingPriority priority) {
        CircuitBreakers.Thresholds set = config.getCircuitBreakers().getThresholdsList().stream()
                .filter(t -> t.getPriority() == priority).findFirst().orElse(CircuitBreakers.Thresholds.getDefaultInstance());
        return CircuitBreakers.Thresholds.newBuilder()
                .setPriority(priority)
                .setMaxConnections(orDefault(set.hasMaxConnections(), set.getMaxConnections(), DEFAULT_MAX_CONNECTIONS))
                .setMaxPendingRequests(orDefault(set.hasMaxPendingRequests(), set.getMaxPendingRequests(), DEFAULT_MAX_PENDING_REQUESTS))
                .setMaxRequests(orDefault(set.hasMaxRequests(), set.getMaxRequests(), DEFAULT_MAX_REQUESTS))
                .setMaxRetries(orDefault(set.hasMaxRetries(), set.getMaxRetries(), DEFAULT_MAX_RETRIES))
                .build();
    }

    private static UInt32Value orDefault(boolean set, UInt32Value value, int defaultValue) {
        return set ? value : UInt32Value.of(defaultValue);
    }

    /** The locality and priority of every endpoint in the config, by cluster, ip and port. */
    private static Map<String, Placement> placements(EnvoySnapshot snapshot) {
        Map<String, Placement> out = new HashMap<>();
        for (ClusterLoadAssignment cla : snapshot.endpoints()) {
            for (LocalityLbEndpoints locality : cla.getEndpointsList()) {
                for (LbEndpoint endpoint : locality.getLbEndpointsList()) {
                    SocketAddress address = endpoint.getEndpoint().getAddress().getSocketAddress();
                    out.putIfAbsent(placementKey(cla.getClusterName(), address.getAddress(), address.getPortValue()),
                            new Placement(locality.getLocality(), locality.getPriority()));
                }
            }
        }
        return out;
    }

    private static String placementKey(String cluster, String ip, int port) {
        return cluster + "\n" + ip + "\n" + port;
    }
}
