package io.gwctl.translate.envoy.cluster;

import com.google.protobuf.Duration;
import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.UInt32Value;
import com.google.protobuf.Value;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.AggregatedConfigSource;
import io.envoyproxy.envoy.config.core.v3.ApiVersion;
import io.envoyproxy.envoy.config.core.v3.ConfigSource;
import io.envoyproxy.envoy.config.core.v3.HealthStatus;
import io.envoyproxy.envoy.config.core.v3.Metadata;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.endpoint.v3.LbEndpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LocalityLbEndpoints;
import io.fabric8.istio.api.api.networking.v1alpha3.Subset;
import io.fabric8.istio.api.api.networking.v1alpha3.TrafficPolicy;
import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.translate.envoy.ClusterName;
import io.gwctl.translate.envoy.GatewayOptions;
import io.gwctl.translate.envoy.MeshService;
import io.gwctl.translate.envoy.ProxyNamespace;
import io.gwctl.translate.envoy.ServiceCatalog;
import io.gwctl.translate.envoy.ServicePort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds the outbound clusters and endpoints of a gateway as pilot's {@code buildOutboundClusters}
 * ({@code cluster.go}) does: for every port of every service exported to the proxy's namespace
 * ({@link ServiceCatalog#visibleTo}; UDP ports excepted) a cluster
 * {@code outbound|<port>||<host>} and one {@code outbound|<port>|<subset>|<host>} per subset of the
 * DestinationRule for the host.
 *
 * <p>Each cluster is built as {@code buildCluster}/{@code buildDefaultCluster} ({@code cluster_builder.go})
 * build it: the discovery type of {@link ClusterKind}, a 10s connect timeout (the mesh default), an empty
 * {@code common_lb_config}, ADS as the EDS source of EDS clusters and, for DNS
 * clusters, V4_ONLY lookups, a 60s refresh (the mesh default) honouring DNS TTLs, with the endpoints inline.
 * The DestinationRule's traffic policy, merged for the port and subset ({@link DestinationRules#policy}), sets
 * the circuit breakers and protocol options ({@link ConnectionPools}), outlier detection
 * ({@link OutlierDetections}), load balancing ({@link LoadBalancing}) and upstream TLS ({@link UpstreamTls}).
 * The Istio metadata
 * ({@code filter_metadata.istio}) has {@code services} ({@code host}, {@code name}, {@code namespace}: a
 * ServiceEntry's host is its name), {@code config} (the DestinationRule's path) when a rule applies and
 * {@code subset} on subset clusters.
 *
 * <p>Endpoints ({@link ServiceEndpoints}) are grouped in one locality whose weight is the sum of theirs, each
 * HEALTHY with its weight; an endpoint's labels are in its metadata under {@code envoy.lb}, the key Envoy's
 * subset load balancer reads. A subset cluster gets only the endpoints carrying all of the subset's labels, as
 * pilot filters EDS per subset cluster ({@code buildLocalityLbEndpointsFromShards} in
 * {@code pilot/pkg/xds/endpoints/endpoint_builder.go}); the subset's labels themselves never reach Envoy (the
 * cluster's metadata names only the subset), so they are returned beside the clusters for a data plane that
 * adds endpoints of its own.
 */
public final class ClusterTranslator {

    /** Pilot's default connect timeout ({@code MeshConfig.connectTimeout}). */
    static final Duration CONNECT_TIMEOUT = Duration.newBuilder().setSeconds(10).build();
    /** Pilot's default DNS refresh rate ({@code MeshConfig.dnsRefreshRate}). */
    static final Duration DNS_REFRESH_RATE = Duration.newBuilder().setSeconds(60).build();

    private ClusterTranslator() {
    }

    /** The clusters and endpoints of the gateway {@code options} describe. */
    public static ClusterConfig translate(List<Resource> resources, ServiceCatalog services, GatewayOptions options) {
        String proxyNamespace = ProxyNamespace.of(resources, options.selector());
        DestinationRules rules = new DestinationRules(resources, options, proxyNamespace);
        ServiceEndpoints endpoints = new ServiceEndpoints(resources);
        List<Cluster> clusters = new ArrayList<>();
        List<ClusterLoadAssignment> assignments = new ArrayList<>();
        Map<String, Map<String, String>> subsets = new LinkedHashMap<>();
        for (MeshService service : services.visibleTo(proxyNamespace).all()) {
            Optional<ClusterKind> kind = ClusterKind.kindOf(service);
            if (kind.isEmpty()) {
                continue;
            }
            Optional<DestinationRules.Rule> rule = rules.forHost(service.host(), service.namespace());
            TrafficPolicy top = rule.map(DestinationRules.Rule::trafficPolicy).orElse(null);
            for (ServicePort port : service.ports()) {
                if (port.protocol().equals("UDP")) {
                    continue;
                }
                List<ServiceEndpoints.Endpoint> all = endpoints.of(service, port);
                add(clusters, assignments, ClusterName.outbound(port.number(), "", service.host()), kind.get(),
                        service, port, rule, DestinationRules.policy(top, null, port.number()), all);
                for (Subset subset : rule.map(DestinationRules.Rule::subsets).orElse(List.of())) {
                    Map<String, String> labels = subset.getLabels() == null ? Map.of() : subset.getLabels();
                    ClusterName name = ClusterName.outbound(port.number(), subset.getName(), service.host());
                    subsets.put(name.toString(), Map.copyOf(labels));
                    add(clusters, assignments, name, kind.get(), service, port, rule,
                            DestinationRules.policy(top, subset.getTrafficPolicy(), port.number()),
                            all.stream().filter(e -> e.matches(labels)).toList());
                }
            }
        }
        return new ClusterConfig(clusters, assignments, subsets);
    }

    private static void add(List<Cluster> clusters, List<ClusterLoadAssignment> assignments, ClusterName name,
            ClusterKind kind, MeshService service, ServicePort port, Optional<DestinationRules.Rule> rule,
            DestinationRules.Policy policy, List<ServiceEndpoints.Endpoint> endpoints) {
        Cluster.Builder c = Cluster.newBuilder()
                .setName(name.toString())
                .setType(kind.type)
                .setConnectTimeout(CONNECT_TIMEOUT)
                .setCommonLbConfig(Cluster.CommonLbConfig.newBuilder())
                .setMetadata(metadata(service, rule, name.subset()));
        ClusterLoadAssignment assignment = assignment(name.toString(), endpoints);
        switch (kind) {
            case EDS -> c.setEdsClusterConfig(Cluster.EdsClusterConfig.newBuilder()
                    .setServiceName(name.toString())
                    .setEdsConfig(ConfigSource.newBuilder()
                            .setAds(AggregatedConfigSource.newBuilder())
                            .setInitialFetchTimeout(Duration.newBuilder())
                            .setResourceApiVersion(ApiVersion.V3)));
            case STRICT_DNS, LOGICAL_DNS -> c.setDnsLookupFamily(Cluster.DnsLookupFamily.V4_ONLY)
                    .setDnsRefreshRate(DNS_REFRESH_RATE)
                    .setRespectDnsTtl(true)
                    .setLoadAssignment(assignment);
            case ORIGINAL_DST -> {
            }
        }
        var http = ConnectionPools.apply(c, policy.connectionPool(), port);
        OutlierDetections.apply(c, policy.outlierDetection());
        LoadBalancing.apply(c, Optional.ofNullable(policy.loadBalancer()));
        http = UpstreamTls.apply(c, policy.tls(), http);
        ConnectionPools.finish(c, http);
        clusters.add(c.build());
        if (c.getType() == Cluster.DiscoveryType.EDS) {
            assignments.add(assignment);
        }
    }

    private static Metadata.Builder metadata(MeshService service, Optional<DestinationRules.Rule> rule, String subset) {
        String name = service.source().is(ResourceType.SERVICE)
                ? service.source().name() : service.host();
        Struct.Builder svc = Struct.newBuilder()
                .putFields("host", string(service.host()))
                .putFields("name", string(name))
                .putFields("namespace", string(service.namespace()));
        Struct.Builder istio = Struct.newBuilder()
                .putFields("services", Value.newBuilder().setListValue(ListValue.newBuilder()
                        .addValues(Value.newBuilder().setStructValue(svc))).build());
        rule.ifPresent(r -> istio.putFields("config", string(r.configPath())));
        if (!subset.isEmpty()) {
            istio.putFields("subset", string(subset));
        }
        return Metadata.newBuilder().putFilterMetadata("istio", istio.build());
    }

    private static ClusterLoadAssignment assignment(String cluster, List<ServiceEndpoints.Endpoint> endpoints) {
        ClusterLoadAssignment.Builder out = ClusterLoadAssignment.newBuilder().setClusterName(cluster);
        if (endpoints.isEmpty()) {
            return out.build();
        }
        LocalityLbEndpoints.Builder locality = LocalityLbEndpoints.newBuilder();
        int total = 0;
        for (ServiceEndpoints.Endpoint e : endpoints) {
            total += e.weight();
            LbEndpoint.Builder lb = LbEndpoint.newBuilder()
                    .setEndpoint(io.envoyproxy.envoy.config.endpoint.v3.Endpoint.newBuilder()
                            .setAddress(Address.newBuilder().setSocketAddress(SocketAddress.newBuilder()
                                    .setAddress(e.address()).setPortValue(e.port()))))
                    .setHealthStatus(HealthStatus.HEALTHY)
                    .setLoadBalancingWeight(UInt32Value.of(e.weight()));
            if (!e.labels().isEmpty()) {
                Struct.Builder labels = Struct.newBuilder();
                new TreeMap<>(e.labels()).forEach((k, v) -> labels.putFields(k, string(v)));
                lb.setMetadata(Metadata.newBuilder().putFilterMetadata("envoy.lb", labels.build()));
            }
            locality.addLbEndpoints(lb);
        }
        return out.addEndpoints(locality.setLoadBalancingWeight(UInt32Value.of(total))).build();
    }

    private static Value string(String s) {
        return Value.newBuilder().setStringValue(s).build();
    }
}
