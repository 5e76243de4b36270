package io.gwctl.validate.rules.legacy;

import static io.gwctl.validate.rules.legacy.LegacyYaml.finding;
import static io.gwctl.validate.rules.legacy.LegacyYaml.findings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Istio 0.8 {@code ValidateLoadBalancing}: "must set load balancing if specified"
 * ({@code TestValidateDestinationPolicy}, {@code LoadBalancing{}} is invalid, {@code Name: 0} is valid).
 */
class LoadBalancingRuleTest {

    private static final LegacyCodes CODE = LegacyCodes.LOAD_BALANCING;

    @Test
    void namedPolicyIsAccepted() {
        assertThat(findings(LegacyYaml.destinationPolicy("""
                  loadBalancing:
                    name: ROUND_ROBIN
                """), CODE)).isEmpty();
        assertThat(findings(LegacyYaml.destinationPolicy("""
                  loadBalancing:
                    name: 0
                """), CODE)).isEmpty();
    }

    @Test
    void emptyLoadBalancingIsReported() {
        assertThat(findings(LegacyYaml.destinationPolicy("""
                  load_balancing: {}
                """), CODE)).containsExactly(finding(CODE, 8, "must set load balancing if specified"));
    }
}
