package io.gwctl.validate.rules.legacy;

import static io.gwctl.validate.rules.legacy.LegacyYaml.finding;
import static io.gwctl.validate.rules.legacy.LegacyYaml.findings;
import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.validate.diagnostic.Severity;
import org.junit.jupiter.api.Test;

/**
 * Istio 1.0 removed the config.istio.io routing kinds (istio/istio#6901); Istio 0.8's
 * {@code convert-networking-config} mapped RouteRule to VirtualService + DestinationRule,
 * DestinationPolicy to DestinationRule and EgressRule to ServiceEntry.
 */
class DeprecatedKindRuleTest {

    private static final LegacyCodes CODE = LegacyCodes.DEPRECATED_KIND;

    @Test
    void isAnInfoNotAnError() {
        assertThat(CODE.severity()).isEqualTo(Severity.INFO);
    }

    @Test
    void routeRuleIsNoted() {
        assertThat(findings(LegacyYaml.routeRule(""), CODE)).containsExactly(finding(CODE, 2,
                "RouteRule (config.istio.io/v1alpha2) was removed in Istio 1.0; \"gwctl convert\" migrates it to"
                        + " a VirtualService and DestinationRule subsets"));
    }

    @Test
    void destinationPolicyIsNotedInEitherVersion() {
        String yaml = """
                apiVersion: config.istio.io/v1beta1
                kind: DestinationPolicy
                metadata:
                  name: helloworld
                spec:
                  destination:
                    name: helloworld
                """;
        assertThat(findings(yaml, CODE)).containsExactly(finding(CODE, 2,
                "DestinationPolicy (config.istio.io/v1beta1) was removed in Istio 1.0; \"gwctl convert\" migrates it"
                        + " to a DestinationRule"));
    }

    @Test
    void egressRuleIsNotedEvenWhenItDoesNotBind() {
        String yaml = """
                apiVersion: config.istio.io/v1alpha2
                kind: EgressRule
                metadata:
                  name: google
                spec:
                  ports: notalist
                """;
        assertThat(findings(yaml, CODE)).containsExactly(finding(CODE, 2,
                "EgressRule (config.istio.io/v1alpha2) was removed in Istio 1.0; \"gwctl convert\" migrates it to"
                        + " a ServiceEntry"));
    }

    @Test
    void currentKindsAreNotNoted() {
        String yaml = """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata:
                  name: reviews
                spec:
                  hosts: [reviews]
                  http:
                  - route:
                    - destination:
                        host: reviews
                """;
        assertThat(findings(yaml, CODE)).isEmpty();
    }
}
