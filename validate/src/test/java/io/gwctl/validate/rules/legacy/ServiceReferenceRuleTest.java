package io.gwctl.validate.rules.legacy;

import static io.gwctl.validate.rules.legacy.LegacyYaml.finding;
import static io.gwctl.validate.rules.legacy.LegacyYaml.findings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Istio 0.8 {@code ValidateIstioService} (pilot/pkg/model/validation.go) and its tests
 * {@code TestValidateIstioService}, {@code TestValidateRouteAndIngressRule} ("route rule bad destination",
 * "route rule bad match source", "mirror bad service") and {@code TestValidateDestinationPolicy}.
 */
class ServiceReferenceRuleTest {

    private static final LegacyCodes CODE = LegacyCodes.SERVICE_REFERENCE;

    @Test
    void wellFormedReferencesAreAccepted() {
        String yaml = """
                apiVersion: config.istio.io/v1alpha2
                kind: RouteRule
                metadata:
                  name: reviews
                spec:
                  destination:
                    name: Reviews
                    namespace: bookinfo
                    domain: cluster.local
                  match:
                    source:
                      service: "*.bookinfo.svc.cluster.local"
                      labels:
                        version: v1.0_beta
                  mirror:
                    service: 10.0.0.0/8
                """;
        assertThat(findings(yaml, CODE)).as("0.8 labels were case-insensitive").isEmpty();
    }

    @Test
    void referenceWithNeitherNameNorServiceIsReported() {
        assertThat(findings(LegacyYaml.routeRule("""
                  mirror: {}
                """), CODE)).containsExactly(finding(CODE, 8, "name or service is mandatory for a service reference"));
    }

    @Test
    void referenceWithBothNameAndServiceIsReported() {
        assertThat(findings(LegacyYaml.routeRule("""
                  mirror:
                    name: shadow
                    service: shadow.default.svc.cluster.local
                """), CODE)).containsExactly(finding(CODE, 8, "specify either name or service, not both"));
    }

    @Test
    void badNameIsReported() {
        String yaml = """
                apiVersion: config.istio.io/v1alpha2
                kind: RouteRule
                metadata:
                  name: reviews
                spec:
                  destination:
                    name: foobar?
                """;
        assertThat(findings(yaml, CODE)).containsExactly(finding(CODE, 7, "name \"foobar?\" must be a valid label"));
    }

    @Test
    void serviceWithNamespaceOrDomainIsReported() {
        assertThat(findings(LegacyYaml.routeRule("""
                  mirror:
                    service: shadow.default.svc.cluster.local
                    namespace: default
                    domain: cluster.local
                """), CODE)).containsExactly(
                finding(CODE, 10, "namespace is not valid when service is provided"),
                finding(CODE, 11, "domain is not valid when service is provided"));
    }

    @Test
    void badServiceIsReportedWithTheEgressRuleMessage() {
        assertThat(findings(LegacyYaml.routeRule("""
                  match:
                    source:
                      service: foo_bar.com
                """), CODE)).containsExactly(
                finding(CODE, 10, "domain name \"foo_bar.com\" invalid (label \"foo_bar\" invalid)"));
    }

    @Test
    void badNamespaceDomainAndLabelsAreReported() {
        String yaml = """
                apiVersion: config.istio.io/v1alpha2
                kind: DestinationPolicy
                metadata:
                  name: reviews
                spec:
                  destination:
                    name: reviews
                    namespace: "?"
                    domain: a.?
                    labels:
                      "a b": "v?"
                """;
        assertThat(findings(yaml, CODE)).containsExactly(
                finding(CODE, 8, "namespace \"?\" must be a valid label"),
                finding(CODE, 9, "domain name \"a.?\" invalid (label \"?\" invalid)"),
                finding(CODE, 11, "invalid tag key: \"a b\""),
                finding(CODE, 11, "invalid tag value: \"v?\""));
    }

    @Test
    void destinationPolicySourceIsChecked() {
        assertThat(findings(LegacyYaml.destinationPolicy("""
                  source: {}
                """), CODE)).containsExactly(finding(CODE, 8, "name or service is mandatory for a service reference"));
    }
}
