package io.gwctl.validate.rules.virtualservice;

import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertNone;
import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertOne;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Istio {@code validateHTTPDirectResponse}, {@code validateHTTPStatus}; cases after validation_test.go
 * {@code TestValidateHTTPDirectResponse}.
 */
class DirectResponseRuleTest {

    private static String response(String response) {
        return """
                hosts: [reviews.example.com]
                http:
                - directResponse:
                    %s
                """.formatted(response);
    }

    @Test
    void aSmallBodyAndA2xxTo5xxStatusAreAccepted() {
        for (String response : new String[] {"{status: 200, body: {string: ok}}", "{status: 503}", "{status: 600}"}) {
            assertNone(response(response), VirtualServiceCodes.DIRECT_RESPONSE_STATUS);
            assertNone(response(response), VirtualServiceCodes.DIRECT_RESPONSE_BODY_LARGE);
        }
    }

    @Test
    void aStatusOutOfRangeIsReported() {
        assertOne(response("{status: 199}"), VirtualServiceCodes.DIRECT_RESPONSE_STATUS, 4,
                "HTTP status 199 is not in range 200-599");
        assertOne(response("{body: {string: x}}"), VirtualServiceCodes.DIRECT_RESPONSE_STATUS, 3,
                "HTTP status 0 is not in range 200-599");
    }

    @Test
    void aBodyOver100KibIsAWarning() {
        String spec = response("{status: 200, body: {string: " + "a".repeat(100 * 1024 + 1) + "}}");
        assertOne(spec, VirtualServiceCodes.DIRECT_RESPONSE_BODY_LARGE, 4,
                "large direct_responses may impact control plane performance");
        assertNone(spec, VirtualServiceCodes.DIRECT_RESPONSE_BODY_TOO_LARGE);
    }

    @Test
    void aBodyOver1MibIsAnError() {
        String bytes = Base64.getEncoder().encodeToString(new byte[1024 * 1024 + 3]);
        String spec = response("{status: 200, body: {bytes: " + bytes + "}}");
        assertOne(spec, VirtualServiceCodes.DIRECT_RESPONSE_BODY_TOO_LARGE, 4,
                "large direct_responses may impact control plane performance, must be less than 1MB");
        assertNone(spec, VirtualServiceCodes.DIRECT_RESPONSE_BODY_LARGE);
    }
}
