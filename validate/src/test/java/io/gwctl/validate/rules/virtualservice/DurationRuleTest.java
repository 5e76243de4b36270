package io.gwctl.validate.rules.virtualservice;

import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertNone;
import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertOne;

import org.junit.jupiter.api.Test;

/**
 * Istio {@code agent.ValidateDuration} on HTTP route durations, and the CRD's CEL rule
 * {@code duration(self) >= duration('1ms')} ("must be a valid duration greater than 1ms", istio/api
 * kubernetes/customresourcedefinitions.gen.yaml) for text that is no duration.
 */
class DurationRuleTest {

    private static String route(String settings) {
        return """
                hosts: [reviews.example.com]
                http:
                - route:
                  - destination: {host: reviews}
                  %s
                """.formatted(settings);
    }

    @Test
    void durationsOfWholeMillisecondsAreAccepted() {
        for (String settings : new String[] {
            "timeout: 1ms",
            "timeout: 1h30m",
            "retries: {attempts: 3, perTryTimeout: 1.5s, backoff: 25ms}",
            "fault: {delay: {fixedDelay: 5s}}",
            "corsPolicy: {maxAge: 24h}"}) {
            assertNone(route(settings), VirtualServiceCodes.DURATION);
            assertNone(route(settings), VirtualServiceCodes.DURATION_SYNTAX);
        }
    }

    @Test
    void aTimeoutBelow1msIsReported() {
        assertOne(route("timeout: 500us"), VirtualServiceCodes.DURATION, 5, "duration must be greater than 1ms");
    }

    @Test
    void aTimeoutFinerThanMillisecondsIsReported() {
        assertOne(route("timeout: 1500us"), VirtualServiceCodes.DURATION, 5, "only durations to ms precision are supported");
    }

    @Test
    void retryAndFaultDurationsAreChecked() {
        assertOne(route("retries: {attempts: 3, backoff: 0s}"), VirtualServiceCodes.DURATION, 5,
                "duration must be greater than 1ms");
        assertOne(route("fault: {delay: {fixedDelay: \"-1s\"}}"), VirtualServiceCodes.DURATION, 5,
                "duration must be greater than 1ms");
        assertOne(route("corsPolicy: {maxAge: 0s}"), VirtualServiceCodes.DURATION, 5, "duration must be greater than 1ms");
    }

    @Test
    void textThatIsNoDurationBreaksTheCrdRule() {
        String spec = route("timeout: 5 seconds");
        assertOne(spec, VirtualServiceCodes.DURATION_SYNTAX, 5, "must be a valid duration greater than 1ms");
        assertNone(spec, VirtualServiceCodes.DURATION);
    }

    @Test
    void anUnparseablePerTryTimeoutBreaksTheCrdRule() {
        assertOne(route("retries: {attempts: 3, perTryTimeout: \"10\"}"), VirtualServiceCodes.DURATION_SYNTAX, 5,
                "must be a valid duration greater than 1ms");
    }
}
