package io.gwctl.validate.rules.virtualservice;

import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertNone;
import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertOne;

import org.junit.jupiter.api.Test;

/**
 * Istio {@code ValidateVirtualService}: "http, tcp or tls must be provided in virtual service" and
 * "http route may not be null" (validation_test.go {@code TestValidateVirtualService}, "no tcp or http routing").
 */
class RoutesPresentRuleTest {

    @Test
    void aVirtualServiceWithAnHttpRouteIsAccepted() {
        String spec = """
                hosts: [reviews.example.com]
                http:
                - route:
                  - destination: {host: reviews}
                """;
        assertNone(spec, VirtualServiceCodes.NO_ROUTES);
        assertNone(spec, VirtualServiceCodes.NULL_HTTP_ROUTE);
    }

    @Test
    void aVirtualServiceWithOnlyATcpRouteIsAccepted() {
        assertNone("""
                hosts: [db.example.com]
                tcp:
                - route:
                  - destination: {host: db}
                """, VirtualServiceCodes.NO_ROUTES);
    }

    @Test
    void aVirtualServiceWithoutRoutesIsReportedAtSpec() {
        assertOne("""
                hosts: [reviews.example.com]
                """, VirtualServiceCodes.NO_ROUTES, 0, "http, tcp or tls must be provided in virtual service");
    }

    @Test
    void aNullHttpRouteIsReported() {
        assertOne("""
                hosts: [reviews.example.com]
                http:
                - route:
                  - destination: {host: reviews}
                - null
                """, VirtualServiceCodes.NULL_HTTP_ROUTE, 5, "http route may not be null");
    }
}
