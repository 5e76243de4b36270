package io.gwctl.validate.rules.virtualservice;

import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertMessages;
import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertNone;
import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertOne;

import org.junit.jupiter.api.Test;

/**
 * Istio {@code validateCORSPolicy}, {@code validateAllowOrigins}, {@code validateCORSHTTPMethod},
 * {@code ValidateCORSHTTPHeaderName}; cases after validation_test.go {@code TestValidateCORSPolicy}.
 */
class CorsRuleTest {

    private static String cors(String policy) {
        return """
                hosts: [reviews.example.com]
                http:
                - corsPolicy:
                    %s
                  route:
                  - destination: {host: reviews}
                """.formatted(policy);
    }

    @Test
    void aValidPolicyIsAccepted() {
        String spec = cors("{allowOrigins: [{exact: \"https://a.com\"}, {regex: \".*\\\\.b\\\\.com\"}], allowMethods: [GET, POST, \"*\"], "
                + "allowHeaders: [x-a, \"*\"], exposeHeaders: [x-b], maxAge: 24h}");
        assertNone(spec, VirtualServiceCodes.CORS);
        assertNone(spec, VirtualServiceCodes.REGEX);
    }

    @Test
    void anUnknownMethodIsReported() {
        assertOne(cors("{allowMethods: [GET, get]}"), VirtualServiceCodes.CORS, 4, "\"get\" is not a supported HTTP method");
    }

    @Test
    void anEmptyOriginIsReported() {
        assertMessages(cors("{allowOrigins: [{exact: \"\"}, {}]}"), VirtualServiceCodes.CORS,
                "'' is not a valid match type for CORS allow origins",
                "'' is not a valid match type for CORS allow origins");
    }

    @Test
    void anInvalidOriginRegexIsReported() {
        assertOne(cors("{allowOrigins: [{regex: \"(\"}]}"), VirtualServiceCodes.REGEX, 4,
                "\"corsPolicy.allowOrigins\": error parsing regexp: missing closing ): `(`; Istio uses RE2 style "
                        + "regex-based match (https://github.com/google/re2/wiki/Syntax)");
    }

    @Test
    void invalidHeaderNamesAreReported() {
        assertMessages(cors("{allowHeaders: [\"\"], exposeHeaders: [\"x y\"]}"), VirtualServiceCodes.CORS,
                "header name cannot be empty", "header name x y is not a valid header name");
    }

    @Test
    void aMaxAgeFinerThanSecondsIsReported() {
        assertOne(cors("{maxAge: 1500ms}"), VirtualServiceCodes.CORS, 4,
                "max_age duration is accurate only to seconds precision");
    }
}
