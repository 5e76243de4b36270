package io.gwctl.validate.rules.ingress;

import static org.assertj.core.api.Assertions.tuple;

import io.gwctl.validate.Validation;
import io.gwctl.validate.diagnostic.DiagnosticCode;
import java.util.List;
import org.assertj.core.groups.Tuple;

/**
 * Ingresses for rule tests, in each API version. Each starts with the same seven lines, Istio's class
 * included, so the spec a test writes begins at line 8:
 * <pre>
 * 1 apiVersion: networking.k8s.io/v1
 * 2 kind: Ingress
 * 3 metadata:
 * 4   name: web
 * 5   annotations:
 * 6     kubernetes.io/ingress.class: istio
 * 7 spec:
 * </pre>
 */
final class IngressYaml {

    static final String V1 = "networking.k8s.io/v1";
    static final String V1BETA1 = "networking.k8s.io/v1beta1";
    static final String EXTENSIONS = "extensions/v1beta1";

    private IngressYaml() {
    }

    /** An Ingress of {@code apiVersion} whose spec is {@code spec} (indented two spaces). */
    static String ingress(String apiVersion, String spec) {
        return """
                apiVersion: %s
                kind: Ingress
                metadata:
                  name: web
                  annotations:
                    kubernetes.io/ingress.class: istio
                spec:
                """.formatted(apiVersion) + spec;
    }

    static String v1(String spec) {
        return ingress(V1, spec);
    }

    static String v1beta1(String spec) {
        return ingress(V1BETA1, spec);
    }

    static String extensions(String spec) {
        return ingress(EXTENSIONS, spec);
    }

    /** The {@code code} findings of {@code yaml} as (code, line, message). */
    static List<Tuple> findings(String yaml, DiagnosticCode code) {
        return Validation.findings(yaml, code).stream()
                .map(d -> tuple(d.code(), d.line(), d.message()))
                .toList();
    }

    /** (code, line, message) for an expected finding. */
    static Tuple finding(DiagnosticCode code, int line, String message) {
        return tuple(code, line, message);
    }
}
