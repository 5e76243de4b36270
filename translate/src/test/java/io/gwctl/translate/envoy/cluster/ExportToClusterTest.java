package io.gwctl.translate.envoy.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code exportTo} of services and DestinationRules for a gateway proxy in {@code istio-system} (no Pod in the
 * input): only services exported to it get clusters ({@code DefaultSidecarScopeForGateway}), and the
 * DestinationRule of a cluster is looked up in the proxy's namespace, then the service's, then the root
 * namespace, each only as far as it is exported to the proxy ({@code PushContext.destinationRule}).
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ExportToClusterTest {

    private static final String API = """
            apiVersion: v1
            kind: Service
            metadata: {name: api, namespace: default}
            spec:
              ports: [{name: http, port: 8080}]
            ---
            """;
    private static final String CLUSTER = "outbound|8080||api.default.svc.cluster.local";

    private static String rule(String name, String ns, String host, String exportTo) {
        return """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: %s, namespace: %s}
                spec:
                  host: %s
                  exportTo: %s
                ---
                """.formatted(name, ns, host, exportTo);
    }

    private static String serviceEntry(String name, String ns, String exportTo) {
        return """
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata: {name: %s, namespace: %s}
                spec:
                  hosts: [api.example.com]
                  exportTo: %s
                  ports: [{number: 443, name: tls, protocol: TLS}]
                  resolution: DNS
                ---
                """.formatted(name, ns, exportTo);
    }

    /** The {@code namespace/name} of the DestinationRule the cluster's metadata names, if any. */
    private static Optional<String> ruleOf(String yaml) {
        Cluster c = Clusters.of(yaml).cluster(CLUSTER).orElseThrow();
        var istio = c.getMetadata().getFilterMetadataOrThrow("istio");
        if (!istio.containsFields("config")) {
            return Optional.empty();
        }
        String path = istio.getFieldsOrThrow("config").getStringValue();
        String[] parts = path.split("/");
        return Optional.of(parts[5] + "/" + parts[7]);
    }

    @Test
    void ruleOfTheServiceNamespaceAppliesWhenExported() {
        assertThat(ruleOf(API + rule("open", "default", "api", "[]"))).contains("default/open");
        assertThat(ruleOf(API + rule("listed", "default", "api", "[., istio-system]"))).contains("default/listed");
    }

    @Test
    void ruleExportedOnlyToItsNamespaceDoesNotApply() {
        assertThat(ruleOf(API + rule("private", "default", "api", "[.]"))).isEmpty();
        assertThat(ruleOf(API + rule("elsewhere", "default", "api", "[other]"))).isEmpty();
    }

    @Test
    void ruleOfTheProxysNamespaceWins() {
        String yaml = API + rule("service-ns", "default", "api", "[]")
                + rule("proxy-ns", "istio-system", "api.default.svc.cluster.local", "[.]");
        assertThat(ruleOf(yaml)).as("a proxy in the root namespace first sees that namespace's private rules")
                .contains("istio-system/proxy-ns");
    }

    @Test
    void ruleOfAnUnrelatedNamespaceDoesNotApply() {
        assertThat(ruleOf(API + rule("other", "other", "api.default.svc.cluster.local", "[]")))
                .as("only the proxy's, the service's and the root namespace are searched").isEmpty();
    }

    /** When the service namespace's most specific rule is hidden, the root namespace's exported rules count. */
    @Test
    void hiddenRuleFallsBackToTheRootNamespace() {
        String yaml = API + rule("hidden", "default", "api", "[other]")
                + rule("mesh-wide", "istio-system", "\"*.svc.cluster.local\"", "[]");
        assertThat(ruleOf(yaml)).contains("istio-system/mesh-wide");
    }

    /**
     * A rule with a workloadSelector is private to its namespace: the gateway's labels pick it in the proxy's
     * namespace, and nowhere else.
     */
    @Test
    void selectorRuleAppliesOnlyInTheProxysNamespace() {
        String selected = """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: %s, namespace: %s}
                spec:
                  host: api.default.svc.cluster.local
                  workloadSelector: {matchLabels: {istio: ingressgateway}}
                ---
                """;
        String open = rule("open", "default", "api", "[]");
        assertThat(ruleOf(API + open + selected.formatted("gateway-only", "istio-system")))
                .contains("istio-system/gateway-only");
        assertThat(ruleOf(API + selected.formatted("service-ns", "default") + open)).contains("default/open");
    }

    @Test
    void serviceEntryClustersFollowExportTo() {
        assertThat(Clusters.of(serviceEntry("private", "default", "[.]")).clusters()).isEmpty();
        assertThat(Clusters.of(serviceEntry("listed", "default", "[istio-system]")).clusters())
                .extracting(Cluster::getName).containsExactly("outbound|443||api.example.com");
    }

    /** Of two definitions of one host, the one the proxy sees builds the cluster even if it is younger. */
    @Test
    void hiddenDefinitionDoesNotShadowAVisibleOne() {
        ClusterConfig config = Clusters.of(serviceEntry("hidden", "default", "[.]") + serviceEntry("open", "team", "[]"));
        assertThat(config.clusters()).singleElement().satisfies(c -> assertThat(c.getMetadata()
                .getFilterMetadataOrThrow("istio").getFieldsOrThrow("services").getListValue().getValues(0)
                .getStructValue().getFieldsOrThrow("namespace").getStringValue()).isEqualTo("team"));
    }

    @Test
    void kubernetesServiceAnnotationIsItsExportTo() {
        String hidden = """
                apiVersion: v1
                kind: Service
                metadata:
                  name: api
                  namespace: default
                  annotations: {networking.istio.io/exportTo: "., team"}
                spec:
                  ports: [{name: http, port: 8080}]
                """;
        assertThat(Clusters.of(hidden).clusters()).isEmpty();
        assertThat(Clusters.of(hidden.replace("., team", "istio-system")).clusters()).extracting(Cluster::getName)
                .containsExactly(CLUSTER);
    }
}
