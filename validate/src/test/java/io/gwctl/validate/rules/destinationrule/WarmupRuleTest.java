package io.gwctl.validate.rules.destinationrule;

import static io.gwctl.validate.rules.common.RuleAssertions.assertNone;
import static io.gwctl.validate.rules.common.RuleAssertions.assertOne;

import org.junit.jupiter.api.Test;

/** Istio {@code validateLoadBalancer} (warmup); cases after {@code TestValidateLoadBalancer}. */
class WarmupRuleTest {

    /** A DestinationRule whose warmup body starts on line 10. */
    private static String destinationRule(String warmup) {
        return """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: reviews
                spec:
                  host: reviews
                  trafficPolicy:
                    loadBalancer:
                      warmup:
                """ + warmup;
    }

    @Test
    void completeWarmupIsAccepted() {
        assertNone(destinationRule("        {duration: 60s, minimumPercent: 10, aggression: 1.5}\n"),
                DestinationRuleCodes.WARMUP);
    }

    @Test
    void durationIsRequired() {
        assertOne(destinationRule("        {minimumPercent: 10}\n"), DestinationRuleCodes.WARMUP, 9,
                "duration is required");
    }

    @Test
    void minimumPercentIsAtMost100() {
        assertOne(destinationRule("        duration: 60s\n        minimumPercent: 100.5\n"), DestinationRuleCodes.WARMUP,
                11, "minimumPercent value should be less than or equal to 100");
    }

    @Test
    void aggressionIsPositive() {
        assertOne(destinationRule("        duration: 60s\n        aggression: 0\n"), DestinationRuleCodes.WARMUP, 11,
                "aggression should be greater than 0");
    }
}
