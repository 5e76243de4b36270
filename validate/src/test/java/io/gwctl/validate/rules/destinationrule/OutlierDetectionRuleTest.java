package io.gwctl.validate.rules.destinationrule;

import static io.gwctl.validate.rules.common.RuleAssertions.assertNone;
import static io.gwctl.validate.rules.common.RuleAssertions.assertOne;
import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.validate.Validation;
import io.gwctl.validate.diagnostic.Severity;
import org.junit.jupiter.api.Test;

/**
 * Istio {@code validateOutlierDetection} and {@code ValidatePercent}; cases after
 * {@code TestValidateOutlierDetection}, and the warning {@code istioctl validate} prints in
 * {@code TestValidateCommand} (istioctl/pkg/validate/validate_test.go).
 */
class OutlierDetectionRuleTest {

    /** A DestinationRule whose outlierDetection body starts on line 9. */
    private static String destinationRule(String outlier) {
        return """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: reviews
                spec:
                  host: reviews
                  trafficPolicy:
                    outlierDetection:
                """ + outlier;
    }

    @Test
    void currentFieldsAreAccepted() {
        String yaml = destinationRule("""
                      consecutive5xxErrors: 5
                      consecutiveLocalOriginFailures: 2
                      splitExternalLocalOriginErrors: true
                      maxEjectionPercent: 100
                      minHealthPercent: 0
                """);
        assertNone(yaml, DestinationRuleCodes.OUTLIER_CONSECUTIVE_ERRORS, DestinationRuleCodes.OUTLIER_LOCAL_ORIGIN,
                DestinationRuleCodes.OUTLIER_PERCENT);
    }

    @Test
    void consecutiveErrorsIsADeprecationWarning() {
        String yaml = destinationRule("      consecutiveErrors: 5\n");
        assertOne(yaml, DestinationRuleCodes.OUTLIER_CONSECUTIVE_ERRORS, 9,
                "outlier detection consecutive errors is deprecated, use consecutiveGatewayErrors or "
                        + "consecutive5xxErrors instead");
        assertThat(DestinationRuleCodes.OUTLIER_CONSECUTIVE_ERRORS.severity()).isEqualTo(Severity.WARNING);
        assertThat(Validation.of(yaml).diagnostics())
                .noneMatch(d -> d.severity() == Severity.ERROR && d.code() instanceof DestinationRuleCodes);
    }

    @Test
    void localOriginFailuresNeedSplitErrors() {
        assertOne(destinationRule("      consecutiveLocalOriginFailures: 3\n"), DestinationRuleCodes.OUTLIER_LOCAL_ORIGIN, 9,
                "outlier detection consecutive local origin failures is specified, but split external local "
                        + "origin errors is set to false");
    }

    @Test
    void maxEjectionPercentOver100IsReported() {
        assertOne(destinationRule("      maxEjectionPercent: 101\n"), DestinationRuleCodes.OUTLIER_PERCENT, 9,
                "percentage 101 is not in range 0..100");
    }

    @Test
    void negativeMinHealthPercentIsReported() {
        assertOne(destinationRule("      minHealthPercent: -1\n"), DestinationRuleCodes.OUTLIER_PERCENT, 9,
                "percentage -1 is not in range 0..100");
    }
}
