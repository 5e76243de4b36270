package io.gwctl.validate.rules.ingress;

import static io.gwctl.validate.rules.ingress.IngressYaml.finding;
import static io.gwctl.validate.rules.ingress.IngressYaml.findings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Kubernetes {@code ValidateIngressSpec} ({@code ValidateIngressClassName} = {@code NameIsDNSSubdomain}) and
 * {@code ValidateIngressCreate} ("must match `ingressClassName` when both are specified").
 */
class IngressClassRuleTest {

    private static final IngressCodes NAME = IngressCodes.INGRESS_CLASS_NAME_INVALID;
    private static final IngressCodes MISMATCH = IngressCodes.INGRESS_CLASS_MISMATCH;

    private static String withClassName(String className) {
        return IngressYaml.v1("""
                  ingressClassName: %s
                  defaultBackend:
                    service:
                      name: web
                      port:
                        number: 80
                """.formatted(className));
    }

    @Test
    void classNameMatchingTheAnnotationIsAccepted() {
        String yaml = withClassName("istio");
        assertThat(findings(yaml, NAME)).isEmpty();
        assertThat(findings(yaml, MISMATCH)).isEmpty();
    }

    @Test
    void classNameThatIsNotASubdomainIsReported() {
        assertThat(findings(withClassName("Istio_Class"), NAME)).containsExactly(finding(NAME, 8,
                "spec.ingressClassName: Invalid value: \"Istio_Class\": a lowercase RFC 1123 subdomain must consist of"
                        + " lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric"
                        + " character (e.g. 'example.com', regex used for validation is"
                        + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"));
    }

    @Test
    void annotationDifferentFromClassNameIsReportedAtTheAnnotation() {
        assertThat(findings(withClassName("nginx"), MISMATCH)).containsExactly(finding(MISMATCH, 6,
                "metadata.annotations[\"kubernetes.io/ingress.class\"]: Invalid value: \"istio\": must match"
                        + " `ingressClassName` when both are specified"));
    }
}
