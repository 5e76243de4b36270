package io.gwctl.translate.envoy.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.ApiVersion;
import org.junit.jupiter.api.Test;

/** The clusters of Kubernetes Services and ServiceEntries ({@code buildOutboundClusters}, {@code buildCluster}). */
class ServiceClusterTest {

    private static final String HTTPBIN = """
            apiVersion: v1
            kind: Service
            metadata: {name: httpbin, namespace: default}
            spec:
              selector: {app: httpbin}
              ports:
              - {name: http, port: 8000, targetPort: 8080}
              - {name: dns, port: 53, protocol: UDP}
            """;

    /**
     * A Kubernetes Service port becomes an EDS cluster fed by ADS with pilot's defaults: 10s connect timeout,
     * LEAST_REQUEST ({@code defaultLBAlgorithm}), empty common_lb_config, max circuit breakers
     * ({@code getDefaultCircuitBreakerThresholds}); UDP ports get no cluster ({@code buildOutboundClusters}).
     */
    @Test
    void kubernetesServicePortIsAnEdsCluster() {
        ClusterConfig config = Clusters.of(HTTPBIN);

        assertThat(config.clusters()).extracting(Cluster::getName)
                .containsExactly("outbound|8000||httpbin.default.svc.cluster.local");
        Cluster c = config.clusters().get(0);
        assertThat(c.getType()).isEqualTo(Cluster.DiscoveryType.EDS);
        assertThat(c.getEdsClusterConfig().getServiceName()).isEqualTo(c.getName());
        assertThat(c.getEdsClusterConfig().getEdsConfig().hasAds()).isTrue();
        assertThat(c.getEdsClusterConfig().getEdsConfig().getResourceApiVersion()).isEqualTo(ApiVersion.V3);
        assertThat(c.getConnectTimeout().getSeconds()).isEqualTo(10);
        assertThat(c.getLbPolicy()).isEqualTo(Cluster.LbPolicy.LEAST_REQUEST);
        assertThat(c.hasCommonLbConfig()).isTrue();
        assertThat(c.getCircuitBreakers().getThresholds(0).getMaxConnections().getValue()).isEqualTo(-1);
        assertThat(Integer.toUnsignedLong(c.getCircuitBreakers().getThresholds(0).getMaxRetries().getValue()))
                .isEqualTo(4294967295L);
        assertThat(c.getCircuitBreakers().getThresholds(0).getTrackRemaining()).isTrue();
    }

    /**
     * The cluster's Istio metadata lists its service as {@code buildServiceMetadata} writes it (host, short
     * name, namespace), and carries no {@code config} without a DestinationRule.
     */
    @Test
    void metadataNamesTheService() {
        Cluster c = Clusters.of(HTTPBIN).clusters().get(0);

        var istio = c.getMetadata().getFilterMetadataOrThrow("istio");
        assertThat(istio.containsFields("config")).isFalse();
        var svc = istio.getFieldsOrThrow("services").getListValue().getValues(0).getStructValue();
        assertThat(svc.getFieldsOrThrow("host").getStringValue()).isEqualTo("httpbin.default.svc.cluster.local");
        assertThat(svc.getFieldsOrThrow("name").getStringValue()).isEqualTo("httpbin");
        assertThat(svc.getFieldsOrThrow("namespace").getStringValue()).isEqualTo("default");
    }

    /**
     * A ServiceEntry's resolution picks the discovery type: STATIC → EDS, DNS → STRICT_DNS with V4_ONLY,
     * 60s refresh and DNS TTLs honoured, DNS_ROUND_ROBIN → LOGICAL_DNS, NONE (the default) → ORIGINAL_DST with
     * CLUSTER_PROVIDED ({@code buildOutboundClusters}, {@code applyLoadBalancer}); a ServiceEntry host is its
     * own service name in the metadata ({@code convertServices}).
     */
    @Test
    void serviceEntryResolutionPicksTheType() {
        ClusterConfig config = Clusters.of("""
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata: {name: static, namespace: default}
                spec:
                  hosts: [static.example.com]
                  ports: [{number: 80, name: http, protocol: HTTP}]
                  resolution: STATIC
                  endpoints: [{address: 10.0.0.1}]
                ---
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata: {name: dns, namespace: default}
                spec:
                  hosts: [dns.example.com]
                  ports: [{number: 443, name: tls, protocol: TLS}]
                  resolution: DNS
                ---
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata: {name: rr, namespace: default}
                spec:
                  hosts: [rr.example.com]
                  ports: [{number: 443, name: tls, protocol: TLS}]
                  resolution: DNS_ROUND_ROBIN
                ---
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata: {name: none, namespace: default}
                spec:
                  hosts: [none.example.com]
                  ports: [{number: 443, name: tls, protocol: TLS}]
                """);

        assertThat(config.cluster("outbound|80||static.example.com").orElseThrow().getType())
                .isEqualTo(Cluster.DiscoveryType.EDS);
        Cluster dns = config.cluster("outbound|443||dns.example.com").orElseThrow();
        assertThat(dns.getType()).isEqualTo(Cluster.DiscoveryType.STRICT_DNS);
        assertThat(dns.getDnsLookupFamily()).isEqualTo(Cluster.DnsLookupFamily.V4_ONLY);
        assertThat(dns.getDnsRefreshRate().getSeconds()).isEqualTo(60);
        assertThat(dns.getRespectDnsTtl()).isTrue();
        assertThat(config.cluster("outbound|443||rr.example.com").orElseThrow().getType())
                .isEqualTo(Cluster.DiscoveryType.LOGICAL_DNS);
        Cluster none = config.cluster("outbound|443||none.example.com").orElseThrow();
        assertThat(none.getType()).isEqualTo(Cluster.DiscoveryType.ORIGINAL_DST);
        assertThat(none.getLbPolicy()).isEqualTo(Cluster.LbPolicy.CLUSTER_PROVIDED);
        assertThat(none.hasEdsClusterConfig()).isFalse();
        assertThat(dns.getMetadata().getFilterMetadataOrThrow("istio").getFieldsOrThrow("services").getListValue()
                .getValues(0).getStructValue().getFieldsOrThrow("name")).isEqualTo(
                        Value.newBuilder().setStringValue("dns.example.com").build());
        assertThat(config.endpoints()).extracting(e -> e.getClusterName())
                .containsExactly("outbound|80||static.example.com");
    }

    /**
     * The cluster prints as Envoy's JSON the way {@code istioctl proxy-config cluster -o json} shows it
     * (protobuf JSON mapping of {@code envoy.config.cluster.v3.Cluster}).
     */
    @Test
    void printsAsEnvoyJson() throws Exception {
        Cluster c = Clusters.of(HTTPBIN).clusters().get(0);

        String json = JsonFormat.printer().print(c);
        assertThat(json).contains("\"name\": \"outbound|8000||httpbin.default.svc.cluster.local\"")
                .contains("\"type\": \"EDS\"")
                .contains("\"connectTimeout\": \"10s\"")
                .contains("\"lbPolicy\": \"LEAST_REQUEST\"")
                .contains("\"commonLbConfig\": {")
                .contains("\"maxRetries\": 4294967295");
    }

    /** A headless Service (clusterIP None) is passthrough: ORIGINAL_DST ({@code kube.ConvertService}). */
    @Test
    void headlessServiceIsOriginalDst() {
        ClusterConfig config = Clusters.of("""
                apiVersion: v1
                kind: Service
                metadata: {name: db, namespace: data}
                spec:
                  clusterIP: None
                  ports: [{name: tcp, port: 5432}]
                """);

        Cluster c = config.cluster("outbound|5432||db.data.svc.cluster.local").orElseThrow();
        assertThat(c.getType()).isEqualTo(Cluster.DiscoveryType.ORIGINAL_DST);
        assertThat(c.getLbPolicy()).isEqualTo(Cluster.LbPolicy.CLUSTER_PROVIDED);
        assertThat(config.endpoints()).isEmpty();
    }
}
