package io.gwctl.validate.rules.ingress;

import static io.gwctl.validate.rules.ingress.IngressYaml.finding;
import static io.gwctl.validate.rules.ingress.IngressYaml.findings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Istio {@code createFallbackStringMatch} (pilot/pkg/config/kube/ingress/virtualservices.go) and its
 * golden {@code testdata/simple.yaml.golden}: {@code /path} exact, {@code /regex1.*} prefix {@code /regex1},
 * {@code /regex3/*} prefix {@code /regex3}, {@code /regex2*} exact.
 */
class PathMatchRuleTest {

    private static final IngressCodes CODE = IngressCodes.PATH_MATCH;

    /** A v1beta1 Ingress with one path (line 11) and no pathType, so ImplementationSpecific. */
    private static String path(String path) {
        return IngressYaml.v1beta1("""
                  rules:
                  - http:
                      paths:
                      - path: "%s"
                        backend:
                          serviceName: web
                          servicePort: 80
                """.formatted(path));
    }

    @Test
    void prefixFormsAndMatchAllAreNotNoted() {
        for (String p : new String[] {"/foo/*", "/regex1.*", "/.*", "/*", ""}) {
            assertThat(findings(path(p), CODE)).as(p).isEmpty();
        }
    }

    @Test
    void explicitPathTypesAreNotNoted() {
        assertThat(findings(IngressYaml.v1("""
                  rules:
                  - http:
                      paths:
                      - path: /api
                        pathType: Prefix
                        backend:
                          service:
                            name: web
                            port:
                              number: 80
                """), CODE)).isEmpty();
    }

    @Test
    void plainPathIsNotedAsExact() {
        assertThat(findings(path("/api"), CODE)).containsExactly(finding(CODE, 11,
                "Istio matches ImplementationSpecific path \"/api\" exactly; end it with \"/*\" or use pathType Prefix"
                        + " to match the paths below it too"));
    }

    @Test
    void regularExpressionIsNotedAsLiteral() {
        assertThat(findings(path("/regex2*"), CODE)).containsExactly(finding(CODE, 11,
                "Istio matches ImplementationSpecific path \"/regex2*\" exactly, as literal text: it reads no regular"
                        + " expressions in Ingress paths"));
    }

    @Test
    void anotherControllersIngressIsLeftAlone() {
        assertThat(findings(path("/api").replace("ingress.class: istio", "ingress.class: nginx"), CODE)).isEmpty();
    }
}
