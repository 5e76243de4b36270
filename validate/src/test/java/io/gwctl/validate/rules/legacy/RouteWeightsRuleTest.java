package io.gwctl.validate.rules.legacy;

import static io.gwctl.validate.rules.legacy.LegacyYaml.finding;
import static io.gwctl.validate.rules.legacy.LegacyYaml.findings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Istio 0.8 {@code ValidateDestinationWeight}, {@code ValidateWeights} and {@code Labels.Validate}
 * ({@code TestValidateRouteAndIngressRule}: "route rule bad weight", "route rule no weight",
 * "route rule two destinationweights", "… 99", "route rule bad route tags").
 */
class RouteWeightsRuleTest {

    private static final LegacyCodes CODE = LegacyCodes.ROUTE_WEIGHTS;

    @Test
    void singleTargetWithoutWeightIsAccepted() {
        assertThat(findings(LegacyYaml.routeRule("""
                  route:
                  - labels:
                      version: v1
                """), CODE)).isEmpty();
    }

    @Test
    void weightsTotallingOneHundredAreAccepted() {
        assertThat(findings(LegacyYaml.routeRule("""
                  route:
                  - labels: {version: "1.0"}
                    weight: 80
                  - labels: {version: "2.0"}
                    weight: 20
                """), CODE)).isEmpty();
    }

    @Test
    void weightsTotallingNinetyNineAreReported() {
        assertThat(findings(LegacyYaml.routeRule("""
                  route:
                  - labels: {a: b}
                    weight: 50
                  - labels: {a: c}
                    weight: 49
                """), CODE)).containsExactly(finding(CODE, 8, "route weights total 99 (must total 100)"));
    }

    @Test
    void negativeWeightIsReported() {
        assertThat(findings(LegacyYaml.routeRule("""
                  route:
                  - weight: -1
                """), CODE)).containsExactly(
                finding(CODE, 8, "route weights total -1 (must total 100)"),
                finding(CODE, 9, "weight invalid:  percentage -1 is not in range 0..100"));
    }

    @Test
    void badLabelIsReported() {
        assertThat(findings(LegacyYaml.routeRule("""
                  route:
                  - labels:
                      a: "?"
                """), CODE)).containsExactly(finding(CODE, 10, "invalid tag value: \"?\""));
    }

    @Test
    void writtenButEmptyRouteTotalsZero() {
        assertThat(findings(LegacyYaml.routeRule("""
                  route: []
                """), CODE)).containsExactly(finding(CODE, 8, "route weights total 0 (must total 100)"));
    }
}
