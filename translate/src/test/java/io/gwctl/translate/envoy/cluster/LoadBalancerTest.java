package io.gwctl.translate.envoy.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.gwctl.translate.envoy.GatewayOptions;
import org.junit.jupiter.api.Test;

/** DestinationRule subsets and load balancer settings on clusters ({@code cluster_traffic_policy.go}). */
class LoadBalancerTest {

    private static final String SERVICE = """
            apiVersion: v1
            kind: Service
            metadata: {name: reviews, namespace: default}
            spec:
              ports: [{name: http, port: 9080}, {name: http-admin, port: 9000}]
            ---
            """;

    /**
     * Each subset of the host's DestinationRule gets a cluster per port, named {@code outbound|port|subset|host},
     * after the service's own cluster; every cluster of the host carries the rule's config path and subset
     * clusters their subset name ({@code buildSubsetCluster}, {@code util.AddConfigInfoMetadata},
     * {@code util.AddSubsetToMetadata}).
     */
    @Test
    void subsetClustersAndConfigMetadata() {
        ClusterConfig config = Clusters.of(SERVICE + """
                apiVersion: networking.istio.io/v1beta1
                kind: DestinationRule
                metadata: {name: reviews-dr, namespace: default}
                spec:
                  host: reviews.default.svc.cluster.local
                  subsets:
                  - {name: v1, labels: {version: v1}}
                  - {name: v2, labels: {version: v2}}
                """);

        assertThat(config.clusters()).extracting(Cluster::getName).containsExactly(
                "outbound|9080||reviews.default.svc.cluster.local",
                "outbound|9080|v1|reviews.default.svc.cluster.local",
                "outbound|9080|v2|reviews.default.svc.cluster.local",
                "outbound|9000||reviews.default.svc.cluster.local",
                "outbound|9000|v1|reviews.default.svc.cluster.local",
                "outbound|9000|v2|reviews.default.svc.cluster.local");
        var istio = config.cluster("outbound|9080|v2|reviews.default.svc.cluster.local").orElseThrow()
                .getMetadata().getFilterMetadataOrThrow("istio");
        assertThat(istio.getFieldsOrThrow("config").getStringValue())
                .isEqualTo("/apis/networking.istio.io/v1beta1/namespaces/default/destination-rule/reviews-dr");
        assertThat(istio.getFieldsOrThrow("subset").getStringValue()).isEqualTo("v2");
        assertThat(config.cluster("outbound|9080||reviews.default.svc.cluster.local").orElseThrow().getMetadata()
                .getFilterMetadataOrThrow("istio").containsFields("subset")).isFalse();
    }

    /**
     * {@code simple} maps ROUND_ROBIN, RANDOM, LEAST_REQUEST and PASSTHROUGH (ORIGINAL_DST, CLUSTER_PROVIDED);
     * port-level settings replace the top level for their port, and a subset's policy replaces both
     * ({@code applyLoadBalancer}, {@code MergeTrafficPolicy}).
     */
    @Test
    void simplePolicyMergedTopPortAndSubset() {
        ClusterConfig config = Clusters.of(SERVICE + """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: reviews, namespace: default}
                spec:
                  host: reviews
                  trafficPolicy:
                    loadBalancer: {simple: ROUND_ROBIN}
                    portLevelSettings:
                    - port: {number: 9000}
                      loadBalancer: {simple: RANDOM}
                  subsets:
                  - name: v1
                    labels: {version: v1}
                    trafficPolicy:
                      loadBalancer: {simple: PASSTHROUGH}
                  - name: v2
                    labels: {version: v2}
                """);

        assertThat(lb(config, "outbound|9080||reviews.default.svc.cluster.local")).isEqualTo(Cluster.LbPolicy.ROUND_ROBIN);
        assertThat(lb(config, "outbound|9000||reviews.default.svc.cluster.local")).isEqualTo(Cluster.LbPolicy.RANDOM);
        assertThat(lb(config, "outbound|9000|v2|reviews.default.svc.cluster.local")).isEqualTo(Cluster.LbPolicy.RANDOM);
        Cluster passthrough = config.cluster("outbound|9080|v1|reviews.default.svc.cluster.local").orElseThrow();
        assertThat(passthrough.getLbPolicy()).isEqualTo(Cluster.LbPolicy.CLUSTER_PROVIDED);
        assertThat(passthrough.getType()).isEqualTo(Cluster.DiscoveryType.ORIGINAL_DST);
        assertThat(passthrough.hasEdsClusterConfig()).isFalse();
        assertThat(config.endpoints()).extracting(e -> e.getClusterName())
                .doesNotContain("outbound|9080|v1|reviews.default.svc.cluster.local");
    }

    /**
     * A consistent hash makes the cluster RING_HASH (with the deprecated {@code minimumRingSize}) or MAGLEV
     * (with its table size) ({@code ApplyRingHashLoadBalancer}); the hash key becomes the routes' hash policy
     * ({@code consistentHashToHashPolicy}): header, cookie with path and TTL, source IP, query parameter.
     */
    @Test
    void consistentHashAndRouteHashPolicy() {
        String yaml = SERVICE + """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: reviews, namespace: default}
                spec:
                  host: reviews
                  trafficPolicy:
                    loadBalancer:
                      consistentHash: {httpHeaderName: x-user, minimumRingSize: 2048}
                    portLevelSettings:
                    - port: {number: 9000}
                      loadBalancer:
                        consistentHash:
                          httpCookie: {name: session, path: /, ttl: 30s}
                          maglev: {tableSize: 65537}
                  subsets:
                  - name: ip
                    labels: {version: v1}
                    trafficPolicy:
                      loadBalancer:
                        consistentHash: {useSourceIp: true}
                  - name: query
                    labels: {version: v2}
                    trafficPolicy:
                      loadBalancer:
                        consistentHash: {httpQueryParameterName: user}
                """;
        ClusterConfig config = Clusters.of(yaml);

        Cluster ring = config.cluster("outbound|9080||reviews.default.svc.cluster.local").orElseThrow();
        assertThat(ring.getLbPolicy()).isEqualTo(Cluster.LbPolicy.RING_HASH);
        assertThat(ring.getRingHashLbConfig().getMinimumRingSize().getValue()).isEqualTo(2048);
        Cluster maglev = config.cluster("outbound|9000||reviews.default.svc.cluster.local").orElseThrow();
        assertThat(maglev.getLbPolicy()).isEqualTo(Cluster.LbPolicy.MAGLEV);
        assertThat(maglev.getMaglevLbConfig().getTableSize().getValue()).isEqualTo(65537);

        var resources = Clusters.resources(yaml);
        GatewayOptions options = GatewayOptions.ingress();
        String host = "reviews.default.svc.cluster.local";
        ClusterHashPolicies hashes = new ClusterHashPolicies(resources, options);
        assertThat(hashes.of(host, 9080, "").orElseThrow().getHeader()
                .getHeaderName()).isEqualTo("x-user");
        RouteAction.HashPolicy.Cookie cookie = hashes.of(host, 9000, "")
                .orElseThrow().getCookie();
        assertThat(cookie.getName()).isEqualTo("session");
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(cookie.getTtl().getSeconds()).isEqualTo(30);
        assertThat(hashes.of(host, 9080, "ip").orElseThrow()
                .getConnectionProperties().getSourceIp()).isTrue();
        assertThat(hashes.of(host, 9080, "query").orElseThrow()
                .getQueryParameter().getName()).isEqualTo("user");
        assertThat(hashes.of("other.default.svc.cluster.local", 80, ""))
                .isEmpty();
    }

    /**
     * Which DestinationRule applies ({@code PushContext.destinationRule}, {@code mergeDestinationRule}): one in
     * the service's namespace, even a wildcard one, and none of an unrelated namespace; two for one host in one
     * namespace merge (the first traffic policy, all subsets); one whose workloadSelector the gateway does not
     * satisfy is ignored.
     */
    @Test
    void destinationRulePrecedenceAndMerging() {
        ClusterConfig config = Clusters.of(SERVICE + """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: elsewhere, namespace: team}
                spec:
                  host: reviews.default.svc.cluster.local
                  trafficPolicy: {loadBalancer: {simple: RANDOM}}
                ---
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: sidecars-only, namespace: default}
                spec:
                  host: reviews
                  workloadSelector: {matchLabels: {app: productpage}}
                  trafficPolicy: {loadBalancer: {simple: PASSTHROUGH}}
                ---
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: all, namespace: default}
                spec:
                  host: "*.default.svc.cluster.local"
                  trafficPolicy: {loadBalancer: {simple: ROUND_ROBIN}}
                  subsets: [{name: v1, labels: {version: v1}}]
                ---
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: all-more, namespace: default}
                spec:
                  host: "*.default.svc.cluster.local"
                  trafficPolicy: {loadBalancer: {simple: LEAST_REQUEST}}
                  subsets: [{name: v1, labels: {version: other}}, {name: v2, labels: {version: v2}}]
                """);

        assertThat(config.clusters()).extracting(Cluster::getName).startsWith(
                "outbound|9080||reviews.default.svc.cluster.local",
                "outbound|9080|v1|reviews.default.svc.cluster.local",
                "outbound|9080|v2|reviews.default.svc.cluster.local");
        Cluster c = config.cluster("outbound|9080||reviews.default.svc.cluster.local").orElseThrow();
        assertThat(c.getLbPolicy()).isEqualTo(Cluster.LbPolicy.ROUND_ROBIN);
        assertThat(c.getMetadata().getFilterMetadataOrThrow("istio").getFieldsOrThrow("config").getStringValue())
                .isEqualTo("/apis/networking.istio.io/v1/namespaces/default/destination-rule/all");
    }

    private static Cluster.LbPolicy lb(ClusterConfig config, String name) {
        return config.cluster(name).orElseThrow().getLbPolicy();
    }
}
