package io.gwctl.validate.rules.legacy;

import static io.gwctl.validate.rules.legacy.LegacyYaml.finding;
import static io.gwctl.validate.rules.legacy.LegacyYaml.findings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Istio 0.8 {@code ValidateCircuitBreaker} ({@code TestValidateDestinationPolicy}: all limits -1, and
 * {@code HttpMaxEjectionPercent: 101}), messages verbatim.
 */
class CircuitBreakerRuleTest {

    private static final LegacyCodes CODE = LegacyCodes.CIRCUIT_BREAKER;

    @Test
    void policyFromIstiosSamplesIsAccepted() {
        assertThat(findings(LegacyYaml.destinationPolicy("""
                  circuitBreaker:
                    simpleCb:
                      maxConnections: 1
                      httpMaxPendingRequests: 1
                      sleepWindow: 3m
                      httpDetectionInterval: 1s
                      httpMaxEjectionPercent: 100
                      httpConsecutiveErrors: 1
                      httpMaxRequestsPerConnection: 1
                """), CODE)).isEmpty();
    }

    @Test
    void negativeLimitsAndBadDurationsAreReported() {
        assertThat(findings(LegacyYaml.destinationPolicy("""
                  circuitBreaker:
                    simpleCb:
                      maxConnections: -1
                      httpMaxPendingRequests: -1
                      httpMaxRequests: -1
                      sleepWindow: -1s
                      httpConsecutiveErrors: -1
                      httpDetectionInterval: -1s
                      httpMaxRequestsPerConnection: -1
                      httpMaxEjectionPercent: -1
                """), CODE)).containsExactly(
                finding(CODE, 10, "circuitBreak maxConnections must be in range [0..]"),
                finding(CODE, 11, "circuitBreaker maxPendingRequests must be in range [0..]"),
                finding(CODE, 12, "circuitBreaker maxRequests must be in range [0..]"),
                finding(CODE, 13, "circuitBreaker sleepWindow must be in range [0..]"),
                finding(CODE, 14, "circuitBreaker httpConsecutiveErrors must be in range [0..]"),
                finding(CODE, 15, "circuitBreaker httpDetectionInterval must be in range [0..]"),
                finding(CODE, 16, "circuitBreaker httpMaxRequestsPerConnection must be in range [0..]"),
                finding(CODE, 17, "circuitBreaker httpMaxEjectionPercent invalid:  percentage -1 is not in range 0..100"));
    }

    @Test
    void missingDurationsAreReportedAsIstioDid() {
        assertThat(findings(LegacyYaml.destinationPolicy("""
                  circuit_breaker:
                    simple_cb:
                      http_max_ejection_percent: 101
                """), CODE)).containsExactly(
                finding(CODE, 9, "circuitBreaker httpDetectionInterval must be in range [0..]"),
                finding(CODE, 9, "circuitBreaker sleepWindow must be in range [0..]"),
                finding(CODE, 10, "circuitBreaker httpMaxEjectionPercent invalid:  percentage 101 is not in range 0..100"));
    }
}
