package io.gwctl.validate.rules.ingress;

import static io.gwctl.validate.rules.ingress.IngressYaml.finding;
import static io.gwctl.validate.rules.ingress.IngressYaml.findings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Kubernetes {@code validateIngressRules}: "must be a DNS name, not an IP address", then
 * {@code IsWildcardDNS1123Subdomain} for a host with {@code *}, else {@code IsDNS1123Subdomain}
 * (k8s.io/apimachinery/pkg/util/validation).
 */
class HostRuleTest {

    private static final IngressCodes CODE = IngressCodes.HOST_INVALID;

    private static String rule(String host) {
        return IngressYaml.v1("""
                  rules:
                  - host: "%s"
                    http:
                      paths:
                      - path: /
                        pathType: Prefix
                        backend:
                          service:
                            name: web
                            port:
                              number: 80
                """.formatted(host));
    }

    @Test
    void namesAndLeadingWildcardsAreAccepted() {
        assertThat(findings(rule("foo.bar.com"), CODE)).isEmpty();
        assertThat(findings(rule("*.bar.com"), CODE)).isEmpty();
    }

    @Test
    void ipAddressIsReported() {
        assertThat(findings(rule("10.0.0.1"), CODE)).containsExactly(finding(CODE, 9,
                "spec.rules[0].host: Invalid value: \"10.0.0.1\": must be a DNS name, not an IP address"));
    }

    @Test
    void upperCaseHostIsReported() {
        assertThat(findings(rule("Foo.bar.com"), CODE)).containsExactly(finding(CODE, 9,
                "spec.rules[0].host: Invalid value: \"Foo.bar.com\": a lowercase RFC 1123 subdomain must consist of"
                        + " lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric"
                        + " character (e.g. 'example.com', regex used for validation is"
                        + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"));
    }

    @Test
    void wildcardNotAsTheWholeFirstLabelIsReported() {
        String expected = "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which"
                + " must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character"
                + " (e.g. '*.example.com', regex used for validation is"
                + " '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
        assertThat(findings(rule("foo.*.com"), CODE)).containsExactly(
                finding(CODE, 9, "spec.rules[0].host: Invalid value: \"foo.*.com\": " + expected));
        assertThat(findings(rule("*"), CODE)).containsExactly(
                finding(CODE, 9, "spec.rules[0].host: Invalid value: \"*\": " + expected));
    }
}
