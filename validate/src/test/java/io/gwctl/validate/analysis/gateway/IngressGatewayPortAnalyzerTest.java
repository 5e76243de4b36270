package io.gwctl.validate.analysis.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.validate.Validation;
import io.gwctl.validate.analysis.AnalysisCodes;
import io.gwctl.validate.diagnostic.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Istio {@code gateway.IngressGatewayPortAnalyzer} ({@code pkg/config/analysis/analyzers/gateway/gateway.go};
 * testdata {@code gateway-no-workload.yaml}, {@code gateway-no-port.yaml},
 * {@code gateway-custom-ingressgateway*.yaml}).
 */
class IngressGatewayPortAnalyzerTest {

    private static String gateway(String selector, int port) {
        return """
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata:
                  name: gw
                  namespace: istio-system
                spec:
                  selector:
                    %s
                  servers:
                  - port:
                      number: %d
                      name: http
                      protocol: HTTP
                    hosts: ["example.com"]
                """.formatted(selector, port);
    }

    @Test
    void defaultIngressGatewayServesItsPorts() {
        assertThat(Validation.findings(gateway("istio: ingressgateway", 80), AnalysisCodes.GATEWAY_PORT_NOT_ON_SERVICE))
                .isEmpty();
        assertThat(Validation.findings(gateway("istio: ingressgateway", 80), AnalysisCodes.GATEWAY_SELECTOR_NOT_FOUND))
                .isEmpty();
    }

    @Test
    void selectorWithoutWorkloadIsReportedAtTheSelector() {
        List<Diagnostic> found = Validation.findings(gateway("istio: ingresstypo", 80),
                AnalysisCodes.GATEWAY_SELECTOR_NOT_FOUND);
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(8);
            assertThat(d.path()).isEqualTo("spec.selector.istio");
            assertThat(d.message()).isEqualTo("Referenced selector not found: \"istio=ingresstypo\"");
        });
    }

    @Test
    void portMissingFromTheServiceIsReportedAtThePort() {
        List<Diagnostic> found = Validation.findings(gateway("istio: ingressgateway", 8004),
                AnalysisCodes.GATEWAY_PORT_NOT_ON_SERVICE);
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(11);
            assertThat(d.message()).isEqualTo("The gateway is listening on a target port (port 8004) that is not "
                    + "defined in the Service associated with its workload instances (Pod selector "
                    + "istio=ingressgateway). If you need to access the gateway port through the gateway Service, "
                    + "it will not be available.");
        });
    }

    private static String customGateway(int port) {
        return gateway("app: my-gateway", port) + """
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: my-gateway
                  namespace: edge
                spec:
                  template:
                    metadata:
                      labels:
                        app: my-gateway
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: my-gateway
                  namespace: edge
                spec:
                  selector:
                    app: my-gateway
                  ports:
                  - name: http
                    port: 80
                    targetPort: 8080
                """;
    }

    @Test
    void deploymentTemplateIsAWorkloadAndTargetPortOrPortIsReachable() {
        assertThat(Validation.findings(customGateway(8080), AnalysisCodes.GATEWAY_SELECTOR_NOT_FOUND)).isEmpty();
        assertThat(Validation.findings(customGateway(8080), AnalysisCodes.GATEWAY_PORT_NOT_ON_SERVICE)).isEmpty();
        assertThat(Validation.findings(customGateway(80), AnalysisCodes.GATEWAY_PORT_NOT_ON_SERVICE)).isEmpty();
    }

    @Test
    void portOfNoServiceInFrontOfACustomGatewayIsReported() {
        assertThat(Validation.findings(customGateway(9090), AnalysisCodes.GATEWAY_PORT_NOT_ON_SERVICE))
                .singleElement()
                .satisfies(d -> assertThat(d.message()).contains("(port 9090)", "(Pod selector app=my-gateway)"));
    }

    @Test
    void definingTheIngressServiceReplacesTheAssumedOne() {
        String yaml = gateway("istio: ingressgateway", 80) + """
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: istio-ingressgateway
                  namespace: istio-system
                spec:
                  selector:
                    istio: ingressgateway
                  ports:
                  - port: 8443
                """;
        assertThat(Validation.findings(yaml, AnalysisCodes.GATEWAY_SELECTOR_NOT_FOUND))
                .as("without the assumed pod and no pod in the input, nothing runs the gateway")
                .hasSize(1);
    }
}
