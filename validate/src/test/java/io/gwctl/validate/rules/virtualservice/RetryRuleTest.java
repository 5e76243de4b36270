package io.gwctl.validate.rules.virtualservice;

import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertMessages;
import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertNone;
import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertOne;

import org.junit.jupiter.api.Test;

/** Istio {@code agent.ValidateHTTPRetry}; cases after validation_test.go {@code TestValidateHTTPRetry}. */
class RetryRuleTest {

    private static String retries(String retries) {
        return """
                hosts: [reviews.example.com]
                http:
                - retries:
                    %s
                  route:
                  - destination: {host: reviews}
                """.formatted(retries);
    }

    @Test
    void validPoliciesAreAccepted() {
        for (String retries : new String[] {
            "{attempts: 3, perTryTimeout: 2s, retryOn: \"5xx,gateway-error,503,unavailable\"}",
            "{attempts: 0}",
            "{attempts: 10, retryRemoteLocalities: true}"}) {
            assertNone(retries(retries), VirtualServiceCodes.RETRY);
        }
    }

    @Test
    void negativeAttemptsAreReported() {
        assertOne(retries("{attempts: -1}"), VirtualServiceCodes.RETRY, 4, "attempts cannot be negative");
    }

    @Test
    void settingsWithRetriesDisabledAreReported() {
        assertOne(retries("{attempts: 0, perTryTimeout: 2s}"), VirtualServiceCodes.RETRY, 3,
                "http retry policy configured when attempts are set to 0 (disabled)");
    }

    @Test
    void unknownRetryOnPoliciesAreReported() {
        assertMessages(retries("{attempts: 3, retryOn: \"5xx,whatever, reset,999\"}"), VirtualServiceCodes.RETRY,
                "\" reset\" is not a valid retryOn policy",
                "\"999\" is not a valid retryOn policy",
                "\"whatever\" is not a valid retryOn policy");
    }
}
