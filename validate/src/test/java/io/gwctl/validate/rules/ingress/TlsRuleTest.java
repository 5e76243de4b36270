package io.gwctl.validate.rules.ingress;

import static io.gwctl.validate.rules.ingress.IngressYaml.finding;
import static io.gwctl.validate.rules.ingress.IngressYaml.findings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Kubernetes {@code validateIngressTLS}: hosts by {@code IsWildcardDNS1123Subdomain} or
 * {@code IsDNS1123Subdomain}, {@code secretName} by {@code ValidateSecretName} when set.
 */
class TlsRuleTest {

    private static final IngressCodes HOST = IngressCodes.TLS_HOST_INVALID;
    private static final IngressCodes SECRET = IngressCodes.TLS_SECRET_NAME_INVALID;
    private static final String SUBDOMAIN = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric"
            + " characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com',"
            + " regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

    private static String tls(String hosts, String secretName) {
        return IngressYaml.v1("""
                  tls:
                  - hosts: %s
                    secretName: %s
                  defaultBackend:
                    service:
                      name: web
                      port:
                        number: 80
                """.formatted(hosts, secretName));
    }

    @Test
    void namesWildcardsAndSecretAreAccepted() {
        String yaml = tls("[foo.example.com, \"*.example.com\"]", "example-tls");
        assertThat(findings(yaml, HOST)).isEmpty();
        assertThat(findings(yaml, SECRET)).isEmpty();
    }

    @Test
    void badHostsAreReportedEach() {
        assertThat(findings(tls("[Foo.example.com, \"foo*.example.com\"]", "example-tls"), HOST)).containsExactly(
                finding(HOST, 9, "spec.tls[0].hosts[0]: Invalid value: \"Foo.example.com\": " + SUBDOMAIN),
                finding(HOST, 9, "spec.tls[0].hosts[1]: Invalid value: \"foo*.example.com\": a wildcard DNS-1123"
                        + " subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of"
                        + " lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g."
                        + " '*.example.com', regex used for validation is"
                        + " '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"));
    }

    @Test
    void badSecretNameIsReported() {
        assertThat(findings(tls("[foo.example.com]", "Example_TLS"), SECRET)).containsExactly(
                finding(SECRET, 10, "spec.tls[0].secretName: Invalid value: \"Example_TLS\": " + SUBDOMAIN));
    }
}
