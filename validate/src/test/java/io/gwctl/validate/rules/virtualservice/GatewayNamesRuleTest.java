package io.gwctl.validate.rules.virtualservice;

import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertMessages;
import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertNone;
import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertOne;

import org.junit.jupiter.api.Test;

/**
 * Istio {@code validateGatewayNames}; cases after validation_test.go {@code TestValidateVirtualService}
 * ("bad gateway", "FQDN for gateway", "namespace/name for gateway", "namespace/* for gateway",
 * "* /name for gateway").
 */
class GatewayNamesRuleTest {

    private static String withGateways(String gateways) {
        return """
                hosts: [reviews.example.com]
                gateways: %s
                http:
                - route:
                  - destination: {host: reviews}
                """.formatted(gateways);
    }

    @Test
    void namespaceSlashNameAndMeshAreAccepted() {
        String spec = withGateways("[istio-system/public, mesh, local-gw]");
        assertNone(spec, VirtualServiceCodes.GATEWAY_NAME);
        assertNone(spec, VirtualServiceCodes.GATEWAY_NAME_LEGACY);
    }

    @Test
    void theLegacyDottedFormIsAWarning() {
        String spec = withGateways("[gw.istio-system]");
        assertOne(spec, VirtualServiceCodes.GATEWAY_NAME_LEGACY, 2,
                "using legacy gatewayName format \"gw.istio-system\"; prefer the <namespace>/<name> format: \"istio-system/gw\"");
        assertNone(spec, VirtualServiceCodes.GATEWAY_NAME);
    }

    @Test
    void aNameThatIsNoFqdnIsReported() {
        assertOne(withGateways("[\"bad_gateway\"]"), VirtualServiceCodes.GATEWAY_NAME, 2,
                "domain name \"bad_gateway\" invalid (label \"bad_gateway\" invalid)");
    }

    @Test
    void aWildcardNameIsReported() {
        assertOne(withGateways("[\"istio-system/*\"]"), VirtualServiceCodes.GATEWAY_NAME, 2,
                "invalid value for gateway name: \"*\"");
    }

    @Test
    void aWildcardNamespaceIsReported() {
        assertOne(withGateways("[\"*/gw\"]"), VirtualServiceCodes.GATEWAY_NAME, 2, "invalid value for namespace: \"*\"");
    }

    @Test
    void anEmptyPartIsReportedWithItsLabelError() {
        assertMessages(withGateways("[\"/gw\"]"), VirtualServiceCodes.GATEWAY_NAME,
                "config namespace and gateway name cannot be empty", "invalid value for namespace: \"\"");
    }

    @Test
    void namesAfterTheFirstNameWithoutSlashAreNotChecked() {
        assertMessages(withGateways("[local-gw, \"*/gw\"]"), VirtualServiceCodes.GATEWAY_NAME);
    }

    @Test
    void matchGatewaysAreChecked() {
        assertOne("""
                hosts: [reviews.example.com]
                http:
                - match:
                  - gateways: [istio-system/gw_1]
                  route:
                  - destination: {host: reviews}
                """, VirtualServiceCodes.GATEWAY_NAME, 4, "invalid value for gateway name: \"gw_1\"");
    }
}
