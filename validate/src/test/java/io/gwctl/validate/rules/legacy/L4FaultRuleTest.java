package io.gwctl.validate.rules.legacy;

import static io.gwctl.validate.rules.legacy.LegacyYaml.finding;
import static io.gwctl.validate.rules.legacy.LegacyYaml.findings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Istio 0.8 {@code ValidateRouteRule} "L4 faults are not implemented", with {@code ValidateL4Fault},
 * {@code ValidateTerminate} and {@code ValidateThrottle} ({@code TestValidateRouteAndIngressRule}
 * "route rule bad throttle after seconds", "route rule bad throttle after bytes").
 */
class L4FaultRuleTest {

    private static final LegacyCodes CODE = LegacyCodes.L4_FAULT;

    @Test
    void ruleWithoutL4FaultIsAccepted() {
        assertThat(findings(LegacyYaml.routeRule("""
                  precedence: 2
                """), CODE)).isEmpty();
    }

    @Test
    void wellFormedThrottleIsStillNotImplemented() {
        assertThat(findings(LegacyYaml.routeRule("""
                  l4Fault:
                    throttle:
                      percent: 50
                      throttleAfterPeriod: 1s
                """), CODE)).containsExactly(finding(CODE, 8, "L4 faults are not implemented"));
    }

    @Test
    void badThrottleAndTerminateAreReported() {
        assertThat(findings(LegacyYaml.routeRule("""
                  l4Fault:
                    throttle:
                      percent: 101
                      downstreamLimitBps: -1
                      upstream_limit_bps: -1
                      throttleAfterBytes: -1
                    terminate:
                      percent: 101
                      terminateAfterPeriod: -1s
                """), CODE)).containsExactly(
                finding(CODE, 8, "L4 faults are not implemented"),
                finding(CODE, 9, "throttleAfterPeriod invalid"),
                finding(CODE, 10, "throttle percent invalid:  percentage 101 is not in range 0..100"),
                finding(CODE, 11, "downstreamLimitBps invalid"),
                finding(CODE, 12, "upstreamLimitBps invalid"),
                finding(CODE, 13, "throttleAfterBytes invalid"),
                finding(CODE, 14, "the terminate fault not supported yet"),
                finding(CODE, 15, "terminate percent invalid:  percentage 101 is not in range 0..100"));
    }
}
