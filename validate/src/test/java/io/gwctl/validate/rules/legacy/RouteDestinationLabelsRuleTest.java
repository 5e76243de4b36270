package io.gwctl.validate.rules.legacy;

import static io.gwctl.validate.rules.legacy.LegacyYaml.finding;
import static io.gwctl.validate.rules.legacy.LegacyYaml.findings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Istio 0.8 {@code ValidateRouteRule}: "route rule destination labels must be empty"
 * ({@code TestValidateRouteAndIngressRule} "route rule bad destination" with labels).
 */
class RouteDestinationLabelsRuleTest {

    private static final LegacyCodes CODE = LegacyCodes.DESTINATION_LABELS;

    @Test
    void destinationWithoutLabelsIsAccepted() {
        assertThat(findings(LegacyYaml.routeRule("""
                  route:
                  - labels:
                      version: v1
                """), CODE)).isEmpty();
    }

    @Test
    void destinationWithLabelsIsReportedAtTheLabels() {
        assertThat(findings(LegacyYaml.routeRule("""
                    labels:
                      version: v1
                """), CODE)).containsExactly(finding(CODE, 8, "route rule destination labels must be empty"));
    }
}
