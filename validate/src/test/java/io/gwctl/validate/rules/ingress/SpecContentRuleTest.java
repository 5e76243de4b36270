package io.gwctl.validate.rules.ingress;

import static io.gwctl.validate.rules.ingress.IngressYaml.finding;
import static io.gwctl.validate.rules.ingress.IngressYaml.findings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Kubernetes {@code ValidateIngressSpec} ("either `defaultBackend` or `rules` must be specified", with
 * `backend` on the API servers that served v1beta1) and {@code validateHTTPIngressRuleValue}
 * ({@code field.Required(fldPath.Child("paths"), "")}).
 */
class SpecContentRuleTest {

    private static final IngressCodes NONE = IngressCodes.NO_RULES_OR_BACKEND;
    private static final IngressCodes PATHS = IngressCodes.HTTP_PATHS_REQUIRED;

    @Test
    void rulesWithPathsAreAccepted() {
        String yaml = IngressYaml.v1("""
                  rules:
                  - http:
                      paths:
                      - path: /
                        pathType: Prefix
                        backend:
                          service:
                            name: web
                            port:
                              number: 80
                """);
        assertThat(findings(yaml, NONE)).isEmpty();
        assertThat(findings(yaml, PATHS)).isEmpty();
    }

    @Test
    void defaultBackendAloneIsAccepted() {
        assertThat(findings(IngressYaml.v1("""
                  defaultBackend:
                    service:
                      name: web
                      port:
                        number: 80
                """), NONE)).isEmpty();
    }

    @Test
    void emptySpecIsReportedWithTheVersionsFieldName() {
        assertThat(findings(IngressYaml.v1("  tls: []\n"), NONE)).containsExactly(
                finding(NONE, 7, "spec: either `defaultBackend` or `rules` must be specified"));
        assertThat(findings(IngressYaml.v1beta1("  rules: []\n"), NONE)).containsExactly(
                finding(NONE, 7, "spec: either `backend` or `rules` must be specified"));
        assertThat(findings(IngressYaml.extensions("  rules: []\n"), NONE)).containsExactly(
                finding(NONE, 7, "spec: either `backend` or `rules` must be specified"));
    }

    @Test
    void httpWithoutPathsIsReported() {
        assertThat(findings(IngressYaml.v1beta1("""
                  rules:
                  - host: a.example.com
                    http:
                      paths: []
                """), PATHS)).containsExactly(finding(PATHS, 11, "spec.rules[0].http.paths: Required value"));
    }
}
