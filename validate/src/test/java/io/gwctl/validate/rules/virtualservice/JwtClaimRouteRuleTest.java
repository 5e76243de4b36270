package io.gwctl.validate.rules.virtualservice;

import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertNone;
import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertOne;

import org.junit.jupiter.api.Test;

/**
 * Istio {@code ValidateVirtualService}: "JWT claim based routing (key: %s) is only supported for gateway, found
 * no gateways: %v" (validation_test.go "jwt claim route without gateway").
 */
class JwtClaimRouteRuleTest {

    private static String vs(String gateways) {
        return """
                hosts: [reviews.example.com]
                gateways: %s
                http:
                - match:
                  - headers:
                      "@request.auth.claims.group": {exact: admin}
                  route:
                  - destination: {host: reviews}
                """.formatted(gateways);
    }

    @Test
    void claimRoutingOnAGatewayIsAccepted() {
        assertNone(vs("[istio-system/gw]"), VirtualServiceCodes.JWT_CLAIM_WITHOUT_GATEWAY);
    }

    @Test
    void claimRoutingWithoutGatewaysIsReported() {
        assertOne(vs("[]"), VirtualServiceCodes.JWT_CLAIM_WITHOUT_GATEWAY, 6,
                "JWT claim based routing (key: @request.auth.claims.group) is only supported for gateway, found no gateways: []");
    }

    @Test
    void claimRoutingForTheMeshIsReportedWithTheGatewayList() {
        assertOne(vs("[istio-system/gw, mesh]"), VirtualServiceCodes.JWT_CLAIM_WITHOUT_GATEWAY, 6,
                "JWT claim based routing (key: @request.auth.claims.group) is only supported for gateway, "
                        + "found no gateways: [istio-system/gw mesh]");
    }

    @Test
    void claimRoutingInWithoutHeadersIsReported() {
        assertOne("""
                hosts: [reviews.example.com]
                http:
                - match:
                  - withoutHeaders:
                      "@request.auth.claims[group]": {exact: guest}
                  route:
                  - destination: {host: reviews}
                """, VirtualServiceCodes.JWT_CLAIM_WITHOUT_GATEWAY, 5,
                "JWT claim based routing (key: @request.auth.claims[group]) is only supported for gateway, found no gateways: []");
    }
}
