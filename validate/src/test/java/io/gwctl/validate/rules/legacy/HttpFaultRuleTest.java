package io.gwctl.validate.rules.legacy;

import static io.gwctl.validate.rules.legacy.LegacyYaml.finding;
import static io.gwctl.validate.rules.legacy.LegacyYaml.findings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Istio 0.8 {@code ValidateHTTPFault}, {@code ValidateDelay}, {@code ValidateAbort},
 * {@code ValidateAbortHTTPStatus} ({@code TestValidateRouteAndIngressRule} "route rule bad delay fixed
 * seconds", "route rule bad abort percent", "route rule bad abort status", "route rule bad unsupported
 * status", "route rule bad delay exp seconds").
 */
class HttpFaultRuleTest {

    private static final LegacyCodes CODE = LegacyCodes.HTTP_FAULT;

    @Test
    void delayAndAbortFromIstiosSamplesAreAccepted() {
        assertThat(findings(LegacyYaml.routeRule("""
                  httpFault:
                    delay:
                      percent: 100
                      fixedDelay: 5s
                    abort:
                      percent: 12.5
                      httpStatus: 503
                """), CODE)).isEmpty();
    }

    @Test
    void badDelayPercentAndDurationAreReported() {
        assertThat(findings(LegacyYaml.routeRule("""
                  httpFault:
                    delay:
                      percent: -1
                      fixedDelay: -1s
                """), CODE)).containsExactly(
                finding(CODE, 10, "percent invalid:  percentage -1 is not in range 0..100"),
                finding(CODE, 11, "fixedDelay invalid: duration must be greater than 1ms"));
    }

    @Test
    void exponentialDelayIsReportedAsUnsupportedAndWithoutFixedDelay() {
        assertThat(findings(LegacyYaml.routeRule("""
                  httpFault:
                    delay:
                      percent: 100.5
                      exponential_delay: -1s
                """), CODE)).containsExactly(
                finding(CODE, 9, "fixedDelay invalid: duration: nil Duration"),
                finding(CODE, 10, "percent invalid:  percentage 100.5 is not in range 0..100"),
                finding(CODE, 11, "exponentialDelay invalid:  duration must be greater than 1ms"),
                finding(CODE, 11, "exponentialDelay not supported yet"));
    }

    @Test
    void badAbortPercentAndStatusAreReported() {
        assertThat(findings(LegacyYaml.routeRule("""
                  httpFault:
                    abort:
                      percent: 101
                      httpStatus: 601
                """), CODE)).containsExactly(
                finding(CODE, 10, "percent invalid:  percentage 101 is not in range 0..100"),
                finding(CODE, 11, "invalid abort http status 601"));
    }

    @Test
    void grpcAbortIsReportedAsUnsupported() {
        assertThat(findings(LegacyYaml.routeRule("""
                  httpFault:
                    abort:
                      percent: 100
                      grpcStatus: test
                """), CODE)).containsExactly(finding(CODE, 11, "gRPC fault injection not supported yet"));
    }
}
