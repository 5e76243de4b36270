package io.gwctl.validate.analysis.virtualservice;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.validate.Validation;
import io.gwctl.validate.analysis.AnalysisCodes;
import io.gwctl.validate.diagnostic.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Istio {@code virtualservice.GatewayAnalyzer} ({@code virtualservice/gateways.go}; testdata
 * {@code virtualservice_gateways.yaml}, {@code virtualservice_host_not_found_gateway*.yaml},
 * {@code virtualservice_internal_gateway_ref.yaml}, {@code virtualservice_kubernetes_gateways.yaml}), with
 * pilot's gateway name resolution ({@code resolveGatewayName}) and the false positives of
 * istio/istio#34653 and #34829 fixed.
 */
class GatewayAnalyzerTest {

    private static String gateway(String name, String host) {
        return """
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata:
                  name: %s
                  namespace: istio-system
                spec:
                  selector:
                    istio: ingressgateway
                  servers:
                  - port:
                      number: 80
                      name: http
                      protocol: HTTP
                    hosts: ["%s"]
                ---
                """.formatted(name, host);
    }

    private static String virtualService(String namespace, String host, String... gateways) {
        return """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata:
                  name: web
                  namespace: %s
                spec:
                  hosts: ["%s"]
                  gateways: ["%s"]
                  http:
                  - route:
                    - destination:
                        host: web.example.com
                """.formatted(namespace, host, String.join("\", \"", gateways));
    }

    @Test
    void gatewayServingTheHostIsAccepted() {
        String yaml = gateway("gw", "*.example.com") + virtualService("default", "shop.example.com", "istio-system/gw");
        assertThat(Validation.findings(yaml, AnalysisCodes.GATEWAY_NOT_FOUND)).isEmpty();
        assertThat(Validation.findings(yaml, AnalysisCodes.HOST_NOT_IN_ANY_GATEWAY)).isEmpty();
    }

    @Test
    void missingGatewayIsReportedAtItsName() {
        String yaml = gateway("gw", "*.example.com") + virtualService("default", "shop.example.com", "gw");
        assertThat(Validation.findings(yaml, AnalysisCodes.GATEWAY_NOT_FOUND)).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(23);
            assertThat(d.path()).isEqualTo("spec.gateways[0]");
            assertThat(d.message()).isEqualTo("Referenced gateway not found: \"gw\"");
        });
    }

    @Test
    void hostNoGatewayServesIsAWarning() {
        String yaml = gateway("gw", "other.com") + virtualService("default", "shop.example.com", "istio-system/gw");
        assertThat(Validation.findings(yaml, AnalysisCodes.HOST_NOT_IN_ANY_GATEWAY)).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(23);
            assertThat(d.message()).isEqualTo("one or more host [shop.example.com] defined in VirtualService "
                    + "default/web not found in Gateway istio-system/gw.");
        });
    }

    /** istio/istio#34829: one of two gateways serving the host is enough for the routes to apply. */
    @Test
    void gatewayServingNoneWhileAnotherServesIsOnlyNoted() {
        String yaml = gateway("public", "*.public.com") + gateway("private", "*.example.com")
                + virtualService("default", "shop.example.com", "istio-system/public", "istio-system/private");
        assertThat(Validation.findings(yaml, AnalysisCodes.HOST_NOT_IN_ANY_GATEWAY)).isEmpty();
        List<Diagnostic> noted = Validation.findings(yaml, AnalysisCodes.HOST_NOT_IN_THIS_GATEWAY);
        assertThat(noted).singleElement().satisfies(d -> {
            assertThat(d.path()).isEqualTo("spec.gateways[0]");
            assertThat(d.message()).isEqualTo("one or more host [shop.example.com] defined in VirtualService "
                    + "default/web not found in Gateway istio-system/public. The routes still apply through Gateway "
                    + "istio-system/private.");
        });
    }

    /** istio/istio#34653: {@code ./host} is the host for VirtualServices of the Gateway's namespace. */
    @Test
    void dotSlashHostServesVirtualServicesOfTheGatewaysNamespaceOnly() {
        String sameNamespace = virtualService("istio-system", "shop.example.com", "gw");
        String otherNamespace = virtualService("default", "shop.example.com", "istio-system/gw");
        AnalysisCodes code = AnalysisCodes.HOST_NOT_IN_ANY_GATEWAY;
        assertThat(Validation.findings(gateway("gw", "./shop.example.com") + sameNamespace, code)).isEmpty();
        assertThat(Validation.findings(gateway("gw", "./shop.example.com") + otherNamespace, code)).hasSize(1);
        assertThat(Validation.findings(gateway("gw", "*/shop.example.com") + otherNamespace, code)).isEmpty();
    }

    @Test
    void legacyFqdnAndDotSlashGatewayNamesResolveAsPilotResolvesThem() {
        assertThat(Validation.findings(gateway("gw", "*") + virtualService("default", "a.com",
                "gw.istio-system.svc.cluster.local"), AnalysisCodes.GATEWAY_NOT_FOUND)).isEmpty();
        assertThat(Validation.findings(gateway("gw", "*") + virtualService("istio-system", "a.com", "./gw"),
                AnalysisCodes.GATEWAY_NOT_FOUND)).isEmpty();
    }

    @Test
    void meshIsNoGatewayAndInternalGatewaysAreReported() {
        assertThat(Validation.findings(virtualService("default", "a.com", "mesh"), AnalysisCodes.GATEWAY_NOT_FOUND))
                .isEmpty();
        String internal = "istio-ingress/gateway~istio-autogenerated-k8s-gateway~foo";
        assertThat(Validation.findings(virtualService("default", "a.com", internal),
                AnalysisCodes.INTERNAL_GATEWAY_REFERENCE)).singleElement().satisfies(d -> assertThat(d.message())
                .isEqualTo("Gateway reference in VirtualService default/web is to an implementation-generated internal "
                        + "Gateway: " + internal + "."));
    }

    @Test
    void kubernetesGatewayListenersServeTheirHostnames() {
        String kube = """
                apiVersion: gateway.networking.k8s.io/v1
                kind: Gateway
                metadata:
                  name: kgw
                  namespace: default
                spec:
                  gatewayClassName: istio
                  listeners:
                  - name: http
                    hostname: example.com
                    port: 80
                    protocol: HTTP
                ---
                """;
        assertThat(Validation.findings(kube + virtualService("default", "example.com", "kgw"),
                AnalysisCodes.GATEWAY_NOT_FOUND)).isEmpty();
        assertThat(Validation.findings(kube + virtualService("default", "example.com", "kgw"),
                AnalysisCodes.HOST_NOT_IN_ANY_GATEWAY)).isEmpty();
        assertThat(Validation.findings(kube + virtualService("default", "wrong.example.com", "kgw"),
                AnalysisCodes.HOST_NOT_IN_ANY_GATEWAY)).hasSize(1);
    }
}
