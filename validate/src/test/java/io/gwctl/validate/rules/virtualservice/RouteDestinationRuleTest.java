package io.gwctl.validate.rules.virtualservice;

import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertMessages;
import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertNone;
import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertOne;

import org.junit.jupiter.api.Test;

/**
 * Istio {@code validateHTTPRouteDestinations}, {@code validateRouteDestinations}, {@code validateDestination},
 * {@code validateHTTPMirrors}; cases after validation_test.go {@code TestValidateDestination},
 * {@code TestValidateRouteDestination} and the "weight -15 < 0" example of istioctl's validate_test.go.
 */
class RouteDestinationRuleTest {

    private static String route(String route) {
        return """
                hosts: [reviews.example.com]
                http:
                - route:
                  %s
                """.formatted(route.indent(2).strip());
    }

    @Test
    void validDestinationsAreAccepted() {
        String spec = route("""
                - destination: {host: reviews.default.svc.cluster.local, subset: v1, port: {number: 9080}}
                  weight: 75
                - destination: {host: "*.example.com", subset: V2}
                  weight: 25
                """);
        assertNone(spec, VirtualServiceCodes.ROUTE_WEIGHT);
        assertNone(spec, VirtualServiceCodes.DESTINATION);
        assertNone(spec, VirtualServiceCodes.DESTINATION_REQUIRED);
    }

    @Test
    void aNegativeWeightIsReported() {
        assertOne(route("- destination: {host: reviews}\n  weight: -15"), VirtualServiceCodes.ROUTE_WEIGHT, 5,
                "weight -15 < 0");
    }

    @Test
    void weightsThatAreAllZeroAreReported() {
        assertOne(route("""
                - destination: {host: reviews, subset: v1}
                - destination: {host: reviews, subset: v2}
                """), VirtualServiceCodes.ROUTE_WEIGHT, 3, "total destination weight = 0");
    }

    @Test
    void aNullDestinationEntryIsReported() {
        assertOne(route("- null"), VirtualServiceCodes.ROUTE_WEIGHT, 4, "weight may not be nil");
    }

    @Test
    void aMissingDestinationIsReported() {
        assertOne(route("- weight: 100"), VirtualServiceCodes.DESTINATION_REQUIRED, 4, "destination is required");
    }

    @Test
    void theWildcardHostIsReported() {
        assertOne(route("- destination: {host: \"*\"}"), VirtualServiceCodes.DESTINATION, 4, "invalid destination host *");
    }

    @Test
    void anInvalidHostIsReported() {
        assertOne(route("- destination: {host: \"reviews_v1\"}"), VirtualServiceCodes.DESTINATION, 4,
                "domain name \"reviews_v1\" invalid (label \"reviews_v1\" invalid)");
    }

    @Test
    void anInvalidSubsetIsReported() {
        assertOne(route("- destination: {host: reviews, subset: v1.0}"), VirtualServiceCodes.DESTINATION, 4,
                "subset name is invalid: v1.0");
    }

    @Test
    void aPortOutOfRangeIsReported() {
        assertOne(route("- destination: {host: reviews, port: {}}"), VirtualServiceCodes.DESTINATION, 4,
                "port number 0 must be in the range 1..65535");
    }

    @Test
    void mirrorsAreChecked() {
        assertMessages("""
                hosts: [reviews.example.com]
                http:
                - route:
                  - destination: {host: reviews}
                  mirrors:
                  - null
                  - percentage: {value: 5}
                  - destination: {host: "*"}
                """, VirtualServiceCodes.DESTINATION_REQUIRED, "mirror cannot be null", "destination is required for mirrors");
    }

    @Test
    void theMirrorDestinationIsChecked() {
        assertOne("""
                hosts: [reviews.example.com]
                http:
                - route:
                  - destination: {host: reviews}
                  mirror: {host: "*"}
                """, VirtualServiceCodes.DESTINATION, 5, "invalid destination host *");
    }

    @Test
    void tcpAndTlsDestinationsAreChecked() {
        assertOne("""
                hosts: [db.example.com]
                tcp:
                - route:
                  - destination: {host: db}
                    weight: -1
                """, VirtualServiceCodes.ROUTE_WEIGHT, 5, "weight -1 < 0");
    }
}
