package io.gwctl.validate.rules.legacy;

import static io.gwctl.validate.rules.legacy.LegacyYaml.finding;
import static io.gwctl.validate.rules.legacy.LegacyYaml.findings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Istio 0.8 {@code ValidateHTTPTimeout}, {@code ValidateHTTPRetries} and {@code ValidateDuration}
 * ({@code TestValidateRouteAndIngressRule} "route rule bad timeout", "route rule bad retry attempts").
 */
class TimeoutRetryRuleTest {

    private static final LegacyCodes CODE = LegacyCodes.TIMEOUT_RETRY;

    @Test
    void validTimeoutAndRetriesAreAccepted() {
        assertThat(findings(LegacyYaml.routeRule("""
                  httpReqTimeout:
                    simpleTimeout:
                      timeout: 10s
                  httpReqRetries:
                    simpleRetry:
                      attempts: 3
                      perTryTimeout: 2s
                """), CODE)).isEmpty();
    }

    @Test
    void negativeTimeoutIsReported() {
        assertThat(findings(LegacyYaml.routeRule("""
                  httpReqTimeout:
                    simpleTimeout:
                      timeout: -1s
                """), CODE)).containsExactly(
                finding(CODE, 10, "httpTimeout invalid:  duration must be greater than 1ms"));
    }

    @Test
    void missingTimeoutIsReportedAsIstioDid() {
        assertThat(findings(LegacyYaml.routeRule("""
                  http_req_timeout:
                    simple_timeout:
                      override_header_name: x-timeout
                """), CODE)).containsExactly(
                finding(CODE, 9, "httpTimeout invalid:  duration: nil Duration"));
    }

    @Test
    void negativeAttemptsAndZeroPerTryTimeoutAreReported() {
        assertThat(findings(LegacyYaml.routeRule("""
                  httpReqRetries:
                    simpleRetry:
                      attempts: -1
                      perTryTimeout: 0s
                """), CODE)).containsExactly(
                finding(CODE, 10, "attempts must be in range [0..]"),
                finding(CODE, 11, "perTryTimeout invalid:  duration must be greater than 1ms"));
    }

    @Test
    void subMillisecondPerTryTimeoutIsReported() {
        assertThat(findings(LegacyYaml.routeRule("""
                  httpReqRetries:
                    simpleRetry:
                      attempts: 1
                      perTryTimeout: 1.0005s
                """), CODE)).containsExactly(
                finding(CODE, 11, "perTryTimeout invalid:  only durations to ms precision are supported"));
    }
}
