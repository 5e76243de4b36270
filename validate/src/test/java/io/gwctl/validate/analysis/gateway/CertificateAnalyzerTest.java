package io.gwctl.validate.analysis.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.validate.Validation;
import io.gwctl.validate.analysis.AnalysisCodes;
import io.gwctl.validate.diagnostic.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Istio {@code gateway.CertificateAnalyzer} ({@code gateway/certificate.go}, testdata
 * {@code gateway-duplicate-certificate.yaml}).
 */
class CertificateAnalyzerTest {

    private static String gateway(String name, String selector, String credential) {
        return """
                ---
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata:
                  name: %s
                  namespace: istio-system
                spec:
                  selector:
                    %s
                  servers:
                  - port:
                      number: 443
                      name: https
                      protocol: HTTPS
                    tls:
                      mode: SIMPLE
                      credentialName: %s
                    hosts: ["%s.example.com"]
                """.formatted(name, selector, credential, name);
    }

    @Test
    void sameCredentialOnOneWorkloadIsReportedOnBothAtTheirNames() {
        List<Diagnostic> found = Validation.findings(gateway("a", "istio: ingressgateway", "wildcard")
                + gateway("b", "istio: ingressgateway", "wildcard"), AnalysisCodes.DUPLICATE_CERTIFICATE);
        assertThat(found).hasSize(2);
        assertThat(found.get(0).line()).isEqualTo(5);
        assertThat(found.get(0).path()).isEqualTo("metadata.name");
        assertThat(found.get(0).message()).isEqualTo("Duplicate certificate in multiple gateways "
                + "[istio-system/a istio-system/b] may cause 404s if clients re-use HTTP2 connections.");
    }

    @Test
    void differentCredentialsOrANarrowerSelectorAreNotReportedOnTheNarrowerOne() {
        assertThat(Validation.findings(gateway("a", "istio: ingressgateway", "one")
                + gateway("b", "istio: ingressgateway", "two"), AnalysisCodes.DUPLICATE_CERTIFICATE)).isEmpty();
        List<Diagnostic> found = Validation.findings(gateway("a", "istio: ingressgateway", "wildcard")
                + gateway("b", "{istio: ingressgateway, type: internal}", "wildcard"),
                AnalysisCodes.DUPLICATE_CERTIFICATE);
        assertThat(found).extracting(Diagnostic::name).containsExactly("a");
    }
}
