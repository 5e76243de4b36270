package io.gwctl.validate.rules.ingress;

import static io.gwctl.validate.rules.ingress.IngressYaml.finding;
import static io.gwctl.validate.rules.ingress.IngressYaml.findings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Kubernetes {@code validateIngressBackend} ("cannot set both resource and service backends", "resource or
 * service backend is required", "cannot set both port name & port number", "port name or number is
 * required"), {@code ValidateServiceName} (DNS-1035 label), {@code IsValidPortName},
 * {@code IsValidPortNum}, {@code validateIngressTypedLocalObjectReference}; and the v1beta1 conversion
 * that makes {@code serviceName}/{@code servicePort} a service backend.
 */
class BackendRuleTest {

    private static final IngressCodes TARGET = IngressCodes.BACKEND_TARGET;
    private static final IngressCodes NAME = IngressCodes.BACKEND_SERVICE_NAME;
    private static final IngressCodes PORT = IngressCodes.BACKEND_SERVICE_PORT;
    private static final String BACKEND = "spec.rules[0].http.paths[0].backend";

    /** A v1 Ingress with one path whose backend (from line 13) is {@code backend}, indented 8 spaces. */
    private static String v1Backend(String backend) {
        return IngressYaml.v1("""
                  rules:
                  - http:
                      paths:
                      - path: /
                        pathType: Prefix
                        backend:
                """ + backend);
    }

    @Test
    void serviceWithNumberOrNameAndResourceAreAccepted() {
        for (String backend : new String[] {
            "          service:\n            name: web\n            port:\n              number: 80\n",
            "          service:\n            name: web\n            port:\n              name: http\n",
            "          resource:\n            apiGroup: k8s.example.com\n            kind: StorageBucket\n"
                    + "            name: static-assets\n"}) {
            String yaml = v1Backend(backend);
            assertThat(findings(yaml, TARGET)).isEmpty();
            assertThat(findings(yaml, NAME)).isEmpty();
            assertThat(findings(yaml, PORT)).isEmpty();
        }
    }

    @Test
    void backendWithNeitherServiceNorResourceIsReported() {
        assertThat(findings(v1Backend("          {}\n"), TARGET)).containsExactly(finding(TARGET, 13,
                BACKEND + ": Invalid value: \"\": resource or service backend is required"));
    }

    @Test
    void backendWithBothIsReported() {
        assertThat(findings(v1Backend("""
                          service:
                            name: web
                            port:
                              number: 80
                          resource:
                            kind: StorageBucket
                            name: assets
                """), TARGET)).containsExactly(finding(TARGET, 13,
                BACKEND + ": Invalid value: \"\": cannot set both resource and service backends"));
    }

    @Test
    void resourceWithoutKindOrWithBadNameIsReported() {
        assertThat(findings(v1Backend("""
                          resource:
                            name: a/b
                """), TARGET)).containsExactly(
                finding(TARGET, 14, BACKEND + ".resource.kind: Required value"),
                finding(TARGET, 15, BACKEND + ".resource.name: Invalid value: \"a/b\": may not contain '/'"));
    }

    @Test
    void serviceWithoutNameOrPortIsReported() {
        String yaml = v1Backend("""
                          service: {}
                """);
        assertThat(findings(yaml, NAME)).containsExactly(finding(NAME, 14, BACKEND + ".service.name: Required value"));
        assertThat(findings(yaml, PORT)).containsExactly(finding(PORT, 14,
                BACKEND + ": Required value: port name or number is required"));
    }

    @Test
    void serviceNameThatIsNotADns1035LabelIsReported() {
        assertThat(findings(v1Backend("""
                          service:
                            name: 1web
                            port:
                              number: 80
                """), NAME)).containsExactly(finding(NAME, 15, BACKEND + ".service.name: Invalid value: \"1web\": a"
                + " DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic"
                + " character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for"
                + " validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"));
    }

    @Test
    void portWithBothNameAndNumberIsReported() {
        assertThat(findings(v1Backend("""
                          service:
                            name: web
                            port:
                              name: http
                              number: 80
                """), PORT)).containsExactly(finding(PORT, 16,
                BACKEND + ": Invalid value: \"\": cannot set both port name & port number"));
    }

    @Test
    void badPortNameAndNumberAreReported() {
        assertThat(findings(v1Backend("""
                          service:
                            name: web
                            port:
                              name: HTTP--
                """), PORT)).containsExactly(
                finding(PORT, 17, BACKEND + ".service.port.name: Invalid value: \"HTTP--\": must contain at least one"
                        + " letter (a-z)"),
                finding(PORT, 17, BACKEND + ".service.port.name: Invalid value: \"HTTP--\": must contain only"
                        + " alpha-numeric characters (a-z, 0-9), and hyphens (-)"),
                finding(PORT, 17, BACKEND + ".service.port.name: Invalid value: \"HTTP--\": must not begin or end"
                        + " with a hyphen"),
                finding(PORT, 17, BACKEND + ".service.port.name: Invalid value: \"HTTP--\": must not contain"
                        + " consecutive hyphens"));
        assertThat(findings(v1Backend("""
                          service:
                            name: web
                            port:
                              number: 70000
                """), PORT)).containsExactly(finding(PORT, 17,
                BACKEND + ".service.port.number: Invalid value: 70000: must be between 1 and 65535, inclusive"));
    }

    @Test
    void v1beta1BackendUsesItsOwnFieldNames() {
        String yaml = IngressYaml.v1beta1("""
                  backend:
                    servicePort: 80
                  rules:
                  - http:
                      paths:
                      - path: /
                        backend:
                          serviceName: web
                          servicePort: http_port
                """);
        assertThat(findings(yaml, NAME)).containsExactly(finding(NAME, 8, "spec.backend.serviceName: Required value"));
        assertThat(findings(yaml, PORT)).containsExactly(
                finding(PORT, 16, BACKEND + ".servicePort: Invalid value: \"http_port\": must contain only"
                        + " alpha-numeric characters (a-z, 0-9), and hyphens (-)"));
    }

    @Test
    void extensionsBackendWithoutServiceIsReported() {
        assertThat(findings(IngressYaml.extensions("""
                  rules:
                  - http:
                      paths:
                      - path: /
                        backend: {}
                """), TARGET)).containsExactly(finding(TARGET, 12,
                BACKEND + ": Invalid value: \"\": resource or service backend is required"));
    }
}
