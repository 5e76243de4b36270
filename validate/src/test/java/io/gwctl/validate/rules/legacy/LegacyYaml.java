package io.gwctl.validate.rules.legacy;

import static org.assertj.core.api.Assertions.tuple;

import io.gwctl.validate.Validation;
import io.gwctl.validate.diagnostic.Diagnostic;
import io.gwctl.validate.diagnostic.DiagnosticCode;
import java.util.List;
import org.assertj.core.groups.Tuple;

/**
 * Legacy objects for rule tests. Each starts with the same seven lines, so the spec fields a test adds
 * begin at line 8:
 * <pre>
 * 1 apiVersion: config.istio.io/v1alpha2
 * 2 kind: RouteRule
 * 3 metadata:
 * 4   name: reviews
 * 5 spec:
 * 6   destination:
 * 7     name: reviews
 * </pre>
 */
final class LegacyYaml {

    private LegacyYaml() {
    }

    /** A RouteRule for {@code reviews} with {@code specTail} (indented two spaces) after its destination. */
    static String routeRule(String specTail) {
        return """
                apiVersion: config.istio.io/v1alpha2
                kind: RouteRule
                metadata:
                  name: reviews
                spec:
                  destination:
                    name: reviews
                """ + specTail;
    }

    /** A DestinationPolicy for {@code reviews} with {@code specTail} after its destination. */
    static String destinationPolicy(String specTail) {
        return """
                apiVersion: config.istio.io/v1alpha2
                kind: DestinationPolicy
                metadata:
                  name: reviews
                spec:
                  destination:
                    name: reviews
                """ + specTail;
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

    /** Whether {@code d} is one of the legacy codes. */
    static boolean isLegacy(Diagnostic d) {
        return d.code() instanceof LegacyCodes;
    }
}
