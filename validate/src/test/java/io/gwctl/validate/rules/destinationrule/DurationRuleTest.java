package io.gwctl.validate.rules.destinationrule;

import static io.gwctl.validate.rules.common.RuleAssertions.assertNone;
import static io.gwctl.validate.rules.common.RuleAssertions.assertOne;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Istio {@code agent.ValidateDuration} as called from {@code validateOutlierDetection},
 * {@code validateConnectionPool} and {@code validateLoadBalancer}; and the CRD's CEL rule
 * {@code duration(self) >= duration('1ms')} on {@code warmupDurationSecs} (istio/api
 * kubernetes/customresourcedefinitions.gen.yaml).
 */
class DurationRuleTest {

    /** A DestinationRule whose trafficPolicy body starts on line 8. */
    private static String destinationRule(String policy) {
        return """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: reviews
                spec:
                  host: reviews
                  trafficPolicy:
                """ + policy;
    }

    @Test
    void millisecondDurationsAreAccepted() {
        String yaml = destinationRule("""
                    outlierDetection: {interval: 10s, baseEjectionTime: 1m30s}
                    connectionPool:
                      tcp: {connectTimeout: 1ms, idleTimeout: 0s, maxConnectionDuration: 1h, tcpKeepalive: {time: 2h}}
                      http: {idleTimeout: 1.5s, http2KeepAlive: {interval: 30s, timeout: 5s}}
                    loadBalancer: {simple: ROUND_ROBIN, warmupDurationSecs: 30s, warmup: {duration: 250ms}}
                """);
        assertNone(yaml, DestinationRuleCodes.DURATION, DestinationRuleCodes.CEL_DURATION);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "outlierDetection: {interval: 500us}              | duration must be greater than 1ms",
            "outlierDetection: {baseEjectionTime: 1500us}     | only durations to ms precision are supported",
            "'connectionPool: {tcp: {connectTimeout: 0s}}'    | duration must be greater than 1ms",
            "'connectionPool: {tcp: {idleTimeout: 1001us}}'   | only durations to ms precision are supported",
            "'connectionPool: {http: {idleTimeout: 1.0001s}}' | only durations to ms precision are supported",
            "'connectionPool: {tcp: {tcpKeepalive: {interval: -1s}}}' | duration must be greater than 1ms",
            "'connectionPool: {http: {http2KeepAlive: {interval: 0s, timeout: 1s}}}' | duration must be greater than 1ms",
            "'loadBalancer: {simple: RANDOM, warmup: {duration: 0.5ms}}' | duration must be greater than 1ms",
            "'connectionPool: {tcp: {connectTimeout: 5 seconds}}' "
                    + "| invalid duration \"5 seconds\": use a number and a unit, e.g. 500ms, 5s, 1m"})
    void badDurationIsReportedAtTheField(String policy, String message) {
        assertOne(destinationRule("    " + policy + "\n"), DestinationRuleCodes.DURATION, 8, message);
    }

    @Test
    void portLevelDurationsAreChecked() {
        String yaml = destinationRule("""
                    portLevelSettings:
                    - port: {number: 9080}
                      outlierDetection:
                        interval: 0s
                """);
        assertOne(yaml, DestinationRuleCodes.DURATION, 11, "duration must be greater than 1ms");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "500us", "forever"})
    void warmupDurationSecsIsCheckedByTheCrd(String value) {
        String yaml = destinationRule("    loadBalancer:\n      warmupDurationSecs: " + value + "\n");
        assertOne(yaml, DestinationRuleCodes.CEL_DURATION, 9, "must be a valid duration greater than 1ms");
    }
}
