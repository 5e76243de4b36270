package io.gwctl.validate.rules.virtualservice;

import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertMessages;
import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertNone;
import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertOne;

import org.junit.jupiter.api.Test;

/**
 * Istio {@code validateHTTPRouteConflict} (virtualservice.go); cases after validation_test.go
 * {@code TestValidateHTTPRoute}.
 */
class HttpActionRuleTest {

    private static String route(String route) {
        return """
                hosts: [reviews.example.com]
                http:
                %s""".formatted(route.indent(0));
    }

    @Test
    void oneActionIsAccepted() {
        for (String action : new String[] {
            "- route:\n  - destination: {host: reviews}",
            "- redirect: {uri: /new}",
            "- directResponse: {status: 503}"}) {
            String spec = route(action);
            assertNone(spec, VirtualServiceCodes.HTTP_ACTION_REQUIRED);
            assertNone(spec, VirtualServiceCodes.HTTP_ACTION_CONFLICT);
        }
    }

    @Test
    void aRouteWithoutActionIsReported() {
        assertOne(route("- name: nothing\n  timeout: 5s"), VirtualServiceCodes.HTTP_ACTION_REQUIRED, 3,
                "HTTP route, redirect or direct_response is required");
    }

    @Test
    void aRedirectExcludesRouteFaultRewriteAndDirectResponse() {
        assertMessages(route("""
                - redirect: {uri: /new}
                  route:
                  - destination: {host: reviews}
                  fault: {abort: {httpStatus: 500}}
                  rewrite: {uri: /x}
                  directResponse: {status: 200}
                """), VirtualServiceCodes.HTTP_ACTION_CONFLICT,
                "HTTP route cannot contain both route and redirect",
                "HTTP route cannot contain both fault and redirect",
                "HTTP route rule cannot contain both rewrite and redirect",
                "HTTP route rule cannot contain both direct_response and redirect");
    }

    @Test
    void aDirectResponseExcludesRouteFaultAndRewrite() {
        assertMessages(route("""
                - directResponse: {status: 200}
                  route:
                  - destination: {host: reviews}
                  fault: {abort: {httpStatus: 500}}
                  rewrite: {uri: /x}
                """), VirtualServiceCodes.HTTP_ACTION_CONFLICT,
                "HTTP route cannot contain both route and direct_response",
                "HTTP route cannot contain both fault and direct_response",
                "HTTP route rule cannot contain both rewrite and direct_response");
    }

    @Test
    void aConflictIsPlacedAtTheExcludedField() {
        assertOne(route("""
                - redirect: {uri: /new}
                  rewrite: {uri: /old}
                """), VirtualServiceCodes.HTTP_ACTION_CONFLICT, 4, "HTTP route rule cannot contain both rewrite and redirect");
    }

    @Test
    void mirrorAndMirrorsAreReported() {
        assertOne(route("""
                - route:
                  - destination: {host: reviews}
                  mirror: {host: shadow}
                  mirrors:
                  - destination: {host: shadow2}
                """), VirtualServiceCodes.HTTP_ACTION_CONFLICT, 6, "HTTP route cannot contain both mirror and mirrors");
    }
}
