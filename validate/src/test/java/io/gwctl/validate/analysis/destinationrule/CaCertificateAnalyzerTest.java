package io.gwctl.validate.analysis.destinationrule;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.validate.Validation;
import io.gwctl.validate.analysis.AnalysisCodes;
import org.junit.jupiter.api.Test;

/**
 * Istio {@code destinationrule.CaCertificateAnalyzer} ({@code destinationrule/ca-certificates.go}; testdata
 * {@code destinationrule-*.yaml}).
 */
class CaCertificateAnalyzerTest {

    private static String rule(String tls) {
        return """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: db
                  namespace: prod
                spec:
                  host: db.example.com
                  trafficPolicy:
                    tls: %s
                    portLevelSettings:
                    - port:
                        number: 5432
                      tls: %s
                """.formatted(tls, tls);
    }

    @Test
    void tlsWithCaCertificatesOrIstioMutualIsAccepted() {
        assertThat(Validation.findings(rule("{mode: SIMPLE, caCertificates: /etc/ca.pem}"),
                AnalysisCodes.NO_CA_CERTIFICATES)).isEmpty();
        assertThat(Validation.findings(rule("{mode: ISTIO_MUTUAL}"), AnalysisCodes.NO_CA_CERTIFICATES_PORT)).isEmpty();
    }

    @Test
    void simpleOrMutualWithoutCaIsReportedAtRuleAndPortLevel() {
        String yaml = rule("{mode: SIMPLE}");
        assertThat(Validation.findings(yaml, AnalysisCodes.NO_CA_CERTIFICATES)).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(9);
            assertThat(d.message()).isEqualTo("DestinationRule prod/db in namespace prod has TLS mode set to SIMPLE "
                    + "but no caCertificates are set to validate server identity for host: db.example.com");
        });
        assertThat(Validation.findings(yaml, AnalysisCodes.NO_CA_CERTIFICATES_PORT)).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(13);
            assertThat(d.message()).endsWith("for host: db.example.com at port 5432");
        });
    }
}
