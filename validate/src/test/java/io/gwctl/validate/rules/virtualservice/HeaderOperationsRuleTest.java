package io.gwctl.validate.rules.virtualservice;

import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertMessages;
import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertNone;
import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertOne;

import org.junit.jupiter.api.Test;

/**
 * Istio {@code validateHTTPRoute} header manipulation: {@code ValidateHTTPHeaderWithAuthorityOperationName},
 * {@code ValidateHTTPHeaderOperationName}, {@code ValidateHTTPHeaderValue} (values after validation_test.go
 * {@code TestValidateHTTPHeaderValue}) and {@code validateAuthorityRewrite} ("set authority", "set authority in
 * rewrite and header" in {@code TestValidateVirtualService}).
 */
class HeaderOperationsRuleTest {

    private static String headers(String headers) {
        return """
                hosts: [reviews.example.com]
                http:
                - headers:
                    %s
                  route:
                  - destination: {host: reviews}
                """.formatted(headers);
    }

    @Test
    void ordinaryOperationsAndEnvoyVariablesAreAccepted() {
        String spec = headers("{request: {set: {x-a: \"%HOSTNAME%\", \":authority\": foo.com}, add: {x-b: \"100%%\"}, "
                + "remove: [x-c]}, response: {set: {x-d: \"%DOWNSTREAM_PEER_CERT_V_END(%b %d %H:%M:%S %Y %Z)%\"}, "
                + "add: {x-e: \"prefix %HOSTNAME% suffix\"}}}");
        assertNone(spec, VirtualServiceCodes.HEADER_OPERATION);
        assertNone(spec, VirtualServiceCodes.HEADER_VALUE);
        assertNone(spec, VirtualServiceCodes.AUTHORITY_REWRITE);
    }

    @Test
    void aPseudoHeaderOtherThanAuthorityCannotBeSet() {
        assertOne(headers("{request: {set: {\":path\": /x}}}"), VirtualServiceCodes.HEADER_OPERATION, 4,
                "invalid header \":path\": header cannot have \":\" prefix");
    }

    @Test
    void hostCannotBeRemovedOrSetOnResponses() {
        assertMessages(headers("{request: {remove: [Host]}, response: {set: {host: x}}}"), VirtualServiceCodes.HEADER_OPERATION,
                "invalid header \"Host\": cannot set Host header",
                "invalid header \"host\": cannot set Host header");
    }

    @Test
    void aResponsePseudoHeaderIsReported() {
        assertOne(headers("{response: {add: {\":status\": \"200\"}}}"), VirtualServiceCodes.HEADER_OPERATION, 4,
                "invalid header \":status\": header cannot have \":\" prefix");
    }

    @Test
    void anEmptyNameIsReported() {
        assertOne(headers("{request: {remove: [\"\"]}}"), VirtualServiceCodes.HEADER_OPERATION, 4,
                "header name cannot be empty");
    }

    @Test
    void destinationHeadersAreChecked() {
        assertOne("""
                hosts: [reviews.example.com]
                http:
                - route:
                  - destination: {host: reviews}
                    headers:
                      response:
                        remove: [":authority"]
                """, VirtualServiceCodes.HEADER_OPERATION, 7, "invalid header \":authority\": header cannot have \":\" prefix");
    }

    @Test
    void aValueWithAControlCharacterIsReported() {
        assertOne(headers("{request: {set: {x-a: \"a\\u0001b\"}}}"), VirtualServiceCodes.HEADER_VALUE, 4,
                "header value configuration a\u0001b is invalid");
    }

    @Test
    void anUnterminatedVariableIsReported() {
        assertOne(headers("{request: {add: {x-a: \"abc%123\"}}}"), VirtualServiceCodes.HEADER_VALUE, 4,
                "header value configuration: invalid header configuration. Un-terminated variable expression 'abc%123'");
    }

    @Test
    void aTrailingPercentIsReported() {
        assertOne(headers("{response: {set: {x-a: \"%START_TIME%%\"}}}"), VirtualServiceCodes.HEADER_VALUE, 4,
                "header value configuration: invalid header configuration. Un-escaped %");
    }

    @Test
    void theAuthorityCanBeRewrittenOnlyOnce() {
        assertOne("""
                hosts: [reviews.example.com]
                http:
                - rewrite: {authority: a.com}
                  headers:
                    request:
                      set: {Host: b.com}
                  route:
                  - destination: {host: reviews}
                """, VirtualServiceCodes.AUTHORITY_REWRITE, 6,
                "authority header cannot be set multiple times: have \"a.com\", attempting to set \"b.com\"");
    }
}
