package io.gwctl.validate.rules.ingress;

import static io.gwctl.validate.rules.ingress.IngressYaml.finding;
import static io.gwctl.validate.rules.ingress.IngressYaml.findings;
import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.validate.diagnostic.Severity;
import org.junit.jupiter.api.Test;

/**
 * Istio {@code shouldProcessIngressWithClass} (pilot/pkg/config/kube/ingress/virtualservices.go) and its
 * defaults (pkg/config/mesh/mesh.go: ingressClass {@code istio}, ingressControllerMode STRICT); the table
 * in {@code conversion_test.go} {@code TestShouldProcessIngress}.
 */
class IstioClassRuleTest {

    private static final IngressCodes CODE = IngressCodes.NOT_ISTIO_CLASS;

    private static String ingress(String metadataTail, String specHead) {
        return """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                %sspec:
                %s  defaultBackend:
                    service:
                      name: web
                      port:
                        number: 80
                """.formatted(metadataTail, specHead);
    }

    @Test
    void anotherControllersIngressIsANoteNotAnError() {
        assertThat(CODE.severity()).isEqualTo(Severity.INFO);
    }

    @Test
    void istioClassIsAccepted() {
        assertThat(findings(IngressYaml.v1("""
                  defaultBackend:
                    service:
                      name: web
                      port:
                        number: 80
                """), CODE)).isEmpty();
        assertThat(findings(ingress("", "  ingressClassName: istio\n"), CODE)).isEmpty();
    }

    @Test
    void otherAnnotationClassIsNoted() {
        assertThat(findings(ingress("""
                  annotations:
                    kubernetes.io/ingress.class: nginx
                """, ""), CODE)).containsExactly(finding(CODE, 6,
                "Istio does not serve this Ingress: its kubernetes.io/ingress.class is \"nginx\", not \"istio\""
                        + " (meshConfig.ingressClass)"));
    }

    @Test
    void otherClassNameIsNotedAsACondition() {
        assertThat(findings(ingress("", "  ingressClassName: nginx\n"), CODE)).containsExactly(finding(CODE, 6,
                "Istio serves this Ingress only if IngressClass \"nginx\" has controller \"istio.io/ingress-controller\""));
    }

    @Test
    void noClassIsNoted() {
        assertThat(findings(ingress("", ""), CODE)).containsExactly(finding(CODE, 5,
                "Istio serves an Ingress without a class only when meshConfig.ingressControllerMode is DEFAULT (the"
                        + " default is STRICT); set ingressClassName or the kubernetes.io/ingress.class annotation to"
                        + " \"istio\""));
    }
}
