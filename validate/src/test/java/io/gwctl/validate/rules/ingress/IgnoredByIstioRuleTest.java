package io.gwctl.validate.rules.ingress;

import static io.gwctl.validate.rules.ingress.IngressYaml.finding;
import static io.gwctl.validate.rules.ingress.IngressYaml.findings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What Istio's Ingress conversion leaves out (pilot/pkg/config/kube/ingress): {@code RuleCollection}
 * ("Ignore default wildcard ingress, use VirtualService", "invalid ingress rule … no paths defined"),
 * {@code ingressBackendToHTTPRoute} ("backend service must be specified") and {@code convertIngressV1alpha3}
 * in gateways.go ("no secretName defined"; golden {@code testdata/tls-no-secret.yaml}).
 */
class IgnoredByIstioRuleTest {

    /** One routed rule: lines 8 to 18 of the Ingress. */
    private static final String ROUTED = """
              rules:
              - host: a.example.com
                http:
                  paths:
                  - path: /
                    pathType: Prefix
                    backend:
                      service:
                        name: web
                        port:
                          number: 80
            """;

    @Test
    void plainIngressIsAccepted() {
        String yaml = IngressYaml.v1(ROUTED + """
                  tls:
                  - hosts: [a.example.com]
                    secretName: a-tls
                """);
        for (IngressCodes code : new IngressCodes[] {IngressCodes.DEFAULT_BACKEND_IGNORED, IngressCodes.RULE_WITHOUT_HTTP,
            IngressCodes.RESOURCE_BACKEND_IGNORED, IngressCodes.TLS_WITHOUT_SECRET}) {
            assertThat(findings(yaml, code)).as(code.name()).isEmpty();
        }
    }

    @Test
    void defaultBackendIsReported() {
        String yaml = IngressYaml.v1beta1("""
                  backend:
                    serviceName: web
                    servicePort: 80
                """);
        assertThat(findings(yaml, IngressCodes.DEFAULT_BACKEND_IGNORED)).containsExactly(finding(
                IngressCodes.DEFAULT_BACKEND_IGNORED, 8,
                "Istio ignores the default backend of an Ingress; route requests that match no rule with a"
                        + " VirtualService instead"));
    }

    @Test
    void ruleWithoutHttpIsReported() {
        String yaml = IngressYaml.v1(ROUTED + """
                  - host: b.example.com
                  - {}
                """);
        assertThat(findings(yaml, IngressCodes.RULE_WITHOUT_HTTP)).containsExactly(
                finding(IngressCodes.RULE_WITHOUT_HTTP, 19,
                        "Istio skips this rule: it has no http paths for host \"b.example.com\""),
                finding(IngressCodes.RULE_WITHOUT_HTTP, 20, "Istio skips this rule: it has no http paths"));
    }

    @Test
    void resourceBackendIsReported() {
        String yaml = IngressYaml.v1("""
                  rules:
                  - http:
                      paths:
                      - path: /assets
                        pathType: Prefix
                        backend:
                          resource:
                            apiGroup: k8s.example.com
                            kind: StorageBucket
                            name: assets
                """);
        assertThat(findings(yaml, IngressCodes.RESOURCE_BACKEND_IGNORED)).containsExactly(finding(
                IngressCodes.RESOURCE_BACKEND_IGNORED, 14,
                "Istio drops this path: its backend is a resource, and Istio routes only to services"));
    }

    @Test
    void tlsWithoutSecretIsReported() {
        String yaml = IngressYaml.v1(ROUTED + """
                  tls:
                  - hosts: [a.example.com]
                """);
        assertThat(findings(yaml, IngressCodes.TLS_WITHOUT_SECRET)).containsExactly(finding(
                IngressCodes.TLS_WITHOUT_SECRET, 20, "Istio serves no HTTPS for this TLS entry: it has no secretName"));
    }

    @Test
    void anotherControllersIngressIsLeftAlone() {
        String yaml = IngressYaml.v1("""
                  ingressClassName: nginx
                  defaultBackend:
                    service:
                      name: web
                      port:
                        number: 80
                """).replace("kubernetes.io/ingress.class: istio", "kubernetes.io/ingress.class: nginx");
        assertThat(findings(yaml, IngressCodes.DEFAULT_BACKEND_IGNORED)).isEmpty();
    }
}
