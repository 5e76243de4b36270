package io.gwctl.validate.rules.gateway;

import static io.gwctl.validate.rules.gateway.Gateways.assertNone;
import static io.gwctl.validate.rules.gateway.Gateways.assertOne;

import org.junit.jupiter.api.Test;

/**
 * Istio {@code ValidateGateway}: the name must be a DNS-1123 label, "invalid gateway name: %q"
 * (validation_test.go uses names without dots; TestValidateK8sGateway shows the Gateway API exemption).
 */
class GatewayNameRuleTest {

    private static String named(String name, String annotations) {
        return """
                apiVersion: networking.istio.io/v1beta1
                kind: Gateway
                metadata:
                  name: %s
                %s
                spec:
                  servers:
                  - port: {number: 80, name: http, protocol: HTTP}
                    hosts: ["example.com"]
                """.formatted(name, annotations);
    }

    @Test
    void labelNamesAreAccepted() {
        assertNone(named("public-gw", ""), GatewayCodes.GATEWAY_NAME);
    }

    @Test
    void upperCaseIsAcceptedAsIstioDoes() {
        assertNone(named("Public-GW", ""), GatewayCodes.GATEWAY_NAME);
    }

    @Test
    void dottedNameIsReportedAtTheName() {
        assertOne(named("public.gw", ""), GatewayCodes.GATEWAY_NAME, 4, "invalid gateway name: \"public.gw\"");
    }

    @Test
    void gatewaysGeneratedFromTheGatewayApiMayHaveAnyName() {
        String annotated = named("gw.generated", "  annotations:\n    internal.istio.io/gateway-semantics: gateway");
        assertNone(annotated, GatewayCodes.GATEWAY_NAME);
    }
}
