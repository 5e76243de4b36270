package io.gwctl.validate.analysis.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.validate.analysis.AnalysisCodes;
import io.gwctl.validate.analysis.AnalysisRun;
import io.gwctl.validate.diagnostic.Diagnostic;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Istio {@code gateway.SecretAnalyzer} ({@code gateway/secret.go}; testdata {@code gateway-secrets.yaml},
 * {@code gateway-secrets-validation.yaml}): the Secret is looked up in the namespace of the gateway
 * workload, not of the Gateway.
 */
class SecretAnalyzerTest {

    private static final SecretAnalyzer AT_2030 =
            new SecretAnalyzer(Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC));

    private static final String GATEWAY = """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata:
              name: gw
              namespace: apps
            spec:
              selector:
                istio: ingressgateway
              servers:
              - port:
                  number: 443
                  name: https
                  protocol: HTTPS
                tls:
                  mode: SIMPLE
                  credentialName: web-cert
                hosts: ["example.com"]
            """;

    private static String secret(String namespace, String key) {
        return """
                ---
                apiVersion: v1
                kind: Secret
                metadata:
                  name: web-cert
                  namespace: %s
                type: kubernetes.io/tls
                stringData:
                  tls.crt: |
                %s
                  tls.key: |
                %s
                """.formatted(namespace, TestCredentials.CERT.indent(4).stripTrailing(), key.indent(4).stripTrailing());
    }

    @Test
    void validSecretInTheWorkloadNamespaceIsAccepted() {
        assertThat(AnalysisRun.findings(GATEWAY + secret("istio-system", TestCredentials.EC_KEY), AT_2030)).isEmpty();
    }

    @Test
    void secretOnlyInTheGatewaysNamespaceIsNotFound() {
        List<Diagnostic> found = AnalysisRun.findings(GATEWAY + secret("apps", TestCredentials.EC_KEY), AT_2030);
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(AnalysisCodes.CREDENTIAL_NOT_FOUND);
            assertThat(d.line()).isEqualTo(16);
            assertThat(d.message()).isEqualTo("Referenced credentialName not found: \"web-cert\"");
        });
    }

    @Test
    void unusableSecretIsAnInvalidCredential() {
        List<Diagnostic> found = AnalysisRun.findings(GATEWAY + secret("istio-system", "not a key"), AT_2030);
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(AnalysisCodes.INVALID_CREDENTIAL);
            assertThat(d.line()).isEqualTo(16);
            assertThat(d.message()).isEqualTo("The credential referenced by the Gateway gw in namespace istio-system "
                    + "is invalid, which can cause the traffic not to work as expected. "
                    + "Secret istio-system/web-cert: the private key is not PEM.");
        });
    }

    @Test
    void gatewayWithoutWorkloadIsLeftToTheSelectorCheck() {
        assertThat(AnalysisRun.findings(GATEWAY.replace("istio: ingressgateway", "istio: nothing"), AT_2030)).isEmpty();
    }
}
