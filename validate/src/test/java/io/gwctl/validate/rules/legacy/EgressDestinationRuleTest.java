package io.gwctl.validate.rules.legacy;

import static io.gwctl.validate.rules.legacy.LegacyYaml.finding;
import static io.gwctl.validate.rules.legacy.LegacyYaml.findings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Istio 0.8 {@code ValidateEgressRuleDestination}, {@code ValidateEgressRuleService},
 * {@code ValidateEgressRuleDomain} ({@code TestValidateEgressRule}, {@code TestValidateEgressRuleDomain},
 * {@code TestValidateEgressRuleService}).
 */
class EgressDestinationRuleTest {

    private static final LegacyCodes CODE = LegacyCodes.EGRESS_DESTINATION;

    private static String egress(String destination) {
        return """
                apiVersion: config.istio.io/v1alpha2
                kind: EgressRule
                metadata:
                  name: cnn
                spec:
                %s  ports:
                  - port: 80
                    protocol: http
                """.formatted(destination);
    }

    @Test
    void domainsWildcardsAndBlocksAreAccepted() {
        for (String service : new String[] {"*cnn.com", "*.httpbin.org", "*-bar.foo.com", "*", "192.168.3.0",
                "91.198.174.192/27"}) {
            assertThat(findings(egress("""
                      destination:
                        service: "%s"
                    """.formatted(service)), CODE)).as(service).isEmpty();
        }
    }

    @Test
    void missingDestinationIsReported() {
        assertThat(findings(egress(""), CODE)).containsExactly(
                finding(CODE, 5, "destination of egress rule must have destination field"));
    }

    @Test
    void fieldsOtherThanServiceAreReported() {
        assertThat(findings(egress("""
                  destination:
                    name: cnn
                    namespace: default
                    domain: cluster.local
                    labels: {a: b}
                    service: cnn.com
                """), CODE)).containsExactly(
                finding(CODE, 7, "destination of egress rule must not have name field"),
                finding(CODE, 8, "destination of egress rule must not have namespace field"),
                finding(CODE, 9, "destination of egress rule must not have domain field"),
                finding(CODE, 10, "destination of egress rule must not have labels field"));
    }

    @Test
    void emptyServiceIsReported() {
        assertThat(findings(egress("""
                  destination: {}
                """), CODE)).containsExactly(finding(CODE, 6, "domain must not be empty string"));
    }

    @Test
    void badDomainAndBlockAreReported() {
        assertThat(findings(egress("""
                  destination:
                    service: "*.-foo.com"
                """), CODE)).containsExactly(finding(CODE, 7, "domain name \"-foo.com\" invalid (label \"-foo\" invalid)"));
        assertThat(findings(egress("""
                  destination:
                    service: 192.168.3.0/33
                """), CODE)).containsExactly(finding(CODE, 7, "192.168.3.0/33 is not a valid CIDR block"));
        assertThat(findings(egress("""
                  destination:
                    service: 2001:db8::/32
                """), CODE)).containsExactly(finding(CODE, 7, "2001:db8::/32 is not a valid IPv4 address"));
    }
}
