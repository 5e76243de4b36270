package io.gwctl.validate.rules.legacy;

import static io.gwctl.validate.rules.legacy.LegacyYaml.findings;
import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.validate.Validation;
import org.junit.jupiter.api.Test;

/**
 * Istio 0.8 parsed a legacy spec with protobuf's JSON parser and rejected values of the wrong type; the
 * other legacy checks need the typed spec, so they are skipped and this says why.
 */
class UnreadableSpecRuleTest {

    private static final LegacyCodes CODE = LegacyCodes.UNREADABLE;

    @Test
    void specThatBindsIsNotReported() {
        assertThat(findings(LegacyYaml.destinationPolicy("""
                  loadBalancing:
                    name: RANDOM
                """), CODE)).isEmpty();
    }

    @Test
    void unknownLoadBalancingPolicyIsReportedAtSpecAndStopsTheOtherChecks() {
        String yaml = """
                apiVersion: config.istio.io/v1alpha2
                kind: DestinationPolicy
                metadata:
                  name: reviews
                spec:
                  loadBalancing:
                    name: FASTEST
                """;
        assertThat(Validation.findings(yaml, CODE)).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(CODE);
            assertThat(d.line()).isEqualTo(5);
            assertThat(d.message()).startsWith("spec cannot be read as a DestinationPolicy (")
                    .contains("unknown load balancing policy FASTEST")
                    .endsWith("), so the other DestinationPolicy checks are skipped");
        });
        assertThat(findings(yaml, LegacyCodes.NO_DESTINATION)).as("typed checks are skipped").isEmpty();
    }

    @Test
    void wrongTypeIsReported() {
        String yaml = LegacyYaml.routeRule("""
                  route: not-a-list
                """);
        assertThat(Validation.findings(yaml, CODE)).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(5);
            assertThat(d.message()).startsWith("spec cannot be read as a RouteRule (");
        });
    }
}
