package io.gwctl.validate.rules.ingress;

import static io.gwctl.validate.rules.ingress.IngressYaml.finding;
import static io.gwctl.validate.rules.ingress.IngressYaml.findings;
import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.validate.schema.SchemaCodes;
import org.junit.jupiter.api.Test;

/**
 * Kubernetes {@code validateHTTPIngressPath}: "pathType must be specified" (v1; v1beta1 defaults it to
 * ImplementationSpecific), {@code NotSupported} with the sorted supported values, "must be an absolute
 * path", "must not contain '%s'", "cannot end with '%s'".
 */
class PathRuleTest {

    /** A v1 Ingress with one path; the path is at line 11, its pathType at line 12. */
    private static String v1Path(String path, String pathType) {
        return IngressYaml.v1("""
                  rules:
                  - http:
                      paths:
                      - path: "%s"
                        pathType: %s
                        backend:
                          service:
                            name: web
                            port:
                              number: 80
                """.formatted(path, pathType));
    }

    @Test
    void absolutePathsOfEachTypeAreAccepted() {
        for (String type : new String[] {"Exact", "Prefix", "ImplementationSpecific"}) {
            String yaml = v1Path("/api/v1", type);
            assertThat(findings(yaml, IngressCodes.PATH_TYPE_REQUIRED)).isEmpty();
            assertThat(findings(yaml, IngressCodes.PATH_TYPE_UNSUPPORTED)).isEmpty();
            assertThat(findings(yaml, IngressCodes.PATH_INVALID)).as(type).isEmpty();
        }
    }

    @Test
    void missingPathTypeIsReportedForV1() {
        String yaml = IngressYaml.v1("""
                  rules:
                  - http:
                      paths:
                      - path: /api
                        backend:
                          service:
                            name: web
                            port:
                              number: 80
                """);
        assertThat(findings(yaml, IngressCodes.PATH_TYPE_REQUIRED)).containsExactly(finding(
                IngressCodes.PATH_TYPE_REQUIRED, 11,
                "spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified"));
    }

    @Test
    void missingPathTypeDefaultsToImplementationSpecificInV1beta1() {
        String yaml = IngressYaml.v1beta1("""
                  rules:
                  - http:
                      paths:
                      - path: api
                        backend:
                          serviceName: web
                          servicePort: 80
                """);
        assertThat(findings(yaml, IngressCodes.PATH_TYPE_REQUIRED)).isEmpty();
        assertThat(findings(yaml, IngressCodes.PATH_INVALID)).containsExactly(finding(IngressCodes.PATH_INVALID, 11,
                "spec.rules[0].http.paths[0].path: Invalid value: \"api\": must be an absolute path"));
    }

    @Test
    void unsupportedPathTypeIsReported() {
        assertThat(findings(v1Path("/api", "Regex"), IngressCodes.PATH_TYPE_UNSUPPORTED)).containsExactly(finding(
                IngressCodes.PATH_TYPE_UNSUPPORTED, 12,
                "spec.rules[0].http.paths[0].pathType: Unsupported value: \"Regex\": supported values: \"Exact\","
                        + " \"ImplementationSpecific\", \"Prefix\""));
    }

    @Test
    void relativeExactPathIsReported() {
        assertThat(findings(v1Path("api", "Exact"), IngressCodes.PATH_INVALID)).containsExactly(finding(
                IngressCodes.PATH_INVALID, 11,
                "spec.rules[0].http.paths[0].path: Invalid value: \"api\": must be an absolute path"));
    }

    @Test
    void relativeImplementationSpecificPathIsReported() {
        assertThat(findings(v1Path("api/*", "ImplementationSpecific"), IngressCodes.PATH_INVALID)).containsExactly(
                finding(IngressCodes.PATH_INVALID, 11,
                        "spec.rules[0].http.paths[0].path: Invalid value: \"api/*\": must be an absolute path"));
        assertThat(findings(v1Path("", "ImplementationSpecific"), IngressCodes.PATH_INVALID)).isEmpty();
    }

    @Test
    void prefixPathWithInvalidSequencesAndSuffixIsReportedForEach() {
        assertThat(findings(v1Path("/a//b/%2f/..", "Prefix"), IngressCodes.PATH_INVALID)).containsExactly(
                finding(IngressCodes.PATH_INVALID, 11,
                        "spec.rules[0].http.paths[0].path: Invalid value: \"/a//b/%2f/..\": cannot end with '/..'"),
                finding(IngressCodes.PATH_INVALID, 11,
                        "spec.rules[0].http.paths[0].path: Invalid value: \"/a//b/%2f/..\": must not contain '%2f'"),
                finding(IngressCodes.PATH_INVALID, 11,
                        "spec.rules[0].http.paths[0].path: Invalid value: \"/a//b/%2f/..\": must not contain '//'"));
        assertThat(findings(v1Path("/a/.", "Exact"), IngressCodes.PATH_INVALID)).containsExactly(
                finding(IngressCodes.PATH_INVALID, 11,
                        "spec.rules[0].http.paths[0].path: Invalid value: \"/a/.\": cannot end with '/.'"));
    }

    @Test
    void extensionsPathTypeIsReadThoughItsModelLacksIt() {
        String yaml = IngressYaml.extensions("""
                  rules:
                  - http:
                      paths:
                      - path: api
                        pathType: Exact
                        backend:
                          serviceName: web
                          servicePort: 80
                """);
        assertThat(findings(yaml, SchemaCodes.UNKNOWN_FIELD)).as("Kubernetes 1.18 added pathType to this version")
                .isEmpty();
        assertThat(findings(yaml, IngressCodes.PATH_INVALID)).containsExactly(finding(IngressCodes.PATH_INVALID, 11,
                "spec.rules[0].http.paths[0].path: Invalid value: \"api\": must be an absolute path"));
    }
}
