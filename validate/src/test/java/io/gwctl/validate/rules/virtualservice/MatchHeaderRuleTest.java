package io.gwctl.validate.rules.virtualservice;

import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertMessages;
import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertNone;
import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertOne;

import org.junit.jupiter.api.Test;

/**
 * Istio {@code validateHTTPRouteMatchRequest}, {@code ValidateHTTPHeaderNameOrJwtClaimRoute}; names after
 * validation_test.go {@code TestValidateHTTPHeaderName} ({@code header1}, {@code :authority},
 * {@code funky!$#_} valid; {@code ::} and {@code illegal"char} invalid).
 */
class MatchHeaderRuleTest {

    private static String headers(String kind, String headers) {
        return """
                hosts: [reviews.example.com]
                gateways: [istio-system/gw]
                http:
                - match:
                  - %s:
                      %s
                  route:
                  - destination: {host: reviews}
                """.formatted(kind, headers);
    }

    @Test
    void tokensPseudoHeadersAndClaimsAreAccepted() {
        assertNone(headers("headers", "{header1: {exact: a}, \":authority\": {exact: b}, \"funky!$#_\": {exact: c}, "
                + "\"@request.auth.claims.sub\": {exact: d}}"), VirtualServiceCodes.MATCH_HEADER);
    }

    @Test
    void anInvalidNameIsReported() {
        assertOne(headers("headers", "{\"illegal\\\"char\": {exact: a}}"), VirtualServiceCodes.MATCH_HEADER, 6,
                "header name illegal\"char is not a valid header name");
    }

    @Test
    void anUnknownPseudoHeaderIsReported() {
        assertOne(headers("withoutHeaders", "{\"::\": {exact: a}}"), VirtualServiceCodes.MATCH_HEADER, 6,
                "header name :: is not a valid header name");
    }

    @Test
    void anEmptyNameIsReported() {
        assertOne(headers("headers", "{\"\": {exact: a}}"), VirtualServiceCodes.MATCH_HEADER, 6,
                "header name cannot be empty");
    }

    @Test
    void aNullHeaderMatchIsReported() {
        assertMessages(headers("headers", "{x-a: null}"), VirtualServiceCodes.MATCH_HEADER, "header match x-a cannot be null");
    }
}
