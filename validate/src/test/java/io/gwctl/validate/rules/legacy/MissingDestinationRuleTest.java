package io.gwctl.validate.rules.legacy;

import static io.gwctl.validate.rules.legacy.LegacyYaml.finding;
import static io.gwctl.validate.rules.legacy.LegacyYaml.findings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Istio 0.8 {@code ValidateRouteRule} "route rule must have a destination service" and
 * {@code ValidateDestinationPolicy} "destination is required in the destination policy"
 * ({@code TestValidateRouteAndIngressRule} "empty route rule", {@code TestValidateDestinationPolicy}).
 */
class MissingDestinationRuleTest {

    private static final LegacyCodes CODE = LegacyCodes.NO_DESTINATION;

    @Test
    void routeRuleWithDestinationIsAccepted() {
        assertThat(findings(LegacyYaml.routeRule(""), CODE)).isEmpty();
    }

    @Test
    void routeRuleWithoutDestinationIsReportedAtSpec() {
        String yaml = """
                apiVersion: config.istio.io/v1alpha2
                kind: RouteRule
                metadata:
                  name: reviews
                spec:
                  precedence: 1
                """;
        assertThat(findings(yaml, CODE)).containsExactly(finding(CODE, 5, "route rule must have a destination service"));
    }

    @Test
    void routeRuleWithoutSpecIsReportedAtTheObject() {
        String yaml = """
                apiVersion: config.istio.io/v1alpha2
                kind: RouteRule
                metadata:
                  name: reviews
                """;
        assertThat(findings(yaml, CODE)).containsExactly(finding(CODE, 1, "route rule must have a destination service"));
    }

    @Test
    void destinationPolicyWithDestinationIsAccepted() {
        assertThat(findings(LegacyYaml.destinationPolicy(""), CODE)).isEmpty();
    }

    @Test
    void destinationPolicyWithoutDestinationIsReported() {
        String yaml = """
                apiVersion: config.istio.io/v1alpha2
                kind: DestinationPolicy
                metadata:
                  name: reviews
                spec:
                  loadBalancing:
                    name: RANDOM
                """;
        assertThat(findings(yaml, CODE)).containsExactly(
                finding(CODE, 5, "destination is required in the destination policy"));
    }
}
