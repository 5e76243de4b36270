package io.gwctl.validate.rules.destinationrule;

import static io.gwctl.validate.rules.common.RuleAssertions.assertNone;
import static io.gwctl.validate.rules.common.RuleAssertions.assertOne;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Istio {@code agent.ValidateTLS} and {@code credentials.ParseResourceName}; cases after
 * {@code TestValidateTLS} (pkg/config/validation/agent/validation_test.go).
 */
class ClientTlsRuleTest {

    /** A DestinationRule in namespace {@code bookinfo} whose tls body is on line 10. */
    private static String destinationRule(String tls) {
        return """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: reviews
                  namespace: bookinfo
                spec:
                  host: reviews
                  trafficPolicy:
                    tls:
                      %s
                """.formatted(tls);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{mode: ISTIO_MUTUAL}",
            "{mode: SIMPLE, caCertificates: /etc/ca.pem, subjectAltNames: [reviews.example.com]}",
            "{mode: MUTUAL, clientCertificate: /etc/cert.pem, privateKey: /etc/key.pem}",
            "{mode: MUTUAL, credentialName: reviews-client}",
            "{mode: SIMPLE, insecureSkipVerify: true}",
            "{mode: SIMPLE, credentialName: \"configmap://bookinfo/reviews-ca\"}"})
    void consistentSettingsAreAccepted(String tls) {
        assertNone(destinationRule(tls), DestinationRuleCodes.CLIENT_TLS);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'{mode: SIMPLE, credentialName: ca, caCertificates: /etc/ca.pem}' "
                    + "| cannot specify client certificates or CA certificate or CA CRL If credentialName is set",
            "'{mode: SIMPLE, insecureSkipVerify: true, subjectAltNames: [a.example.com]}' "
                    + "| cannot specify CaCertificates or CredentialName or SubjectAltNames when InsecureSkipVerify is set true",
            "'{mode: MUTUAL, insecureSkipVerify: true, clientCertificate: c, privateKey: k, caCertificates: ca}' "
                    + "| cannot specify CaCertificates or SubjectAltNames when InsecureSkipVerify is set true",
            "'{mode: SIMPLE, credentialName: \"configmap://reviews-ca\"}' "
                    + "| invalid configmap:// credentialName: invalid resource name \"configmap://reviews-ca\". "
                    + "Expected namespace and name",
            "'{mode: SIMPLE, credentialName: \"configmap:///reviews-ca\"}' "
                    + "| invalid configmap:// credentialName: invalid resource name \"configmap:///reviews-ca\". "
                    + "Expected namespace",
            "'{mode: SIMPLE, credentialName: \"configmap://bookinfo/\"}' "
                    + "| invalid configmap:// credentialName: invalid resource name \"configmap://bookinfo/\". "
                    + "Expected name",
            "'{mode: SIMPLE, credentialName: \"configmap://other/reviews-ca\"}' "
                    + "| invalid configmap:// credentialName: namespace must match the configuration namespace \"bookinfo\""})
    void inconsistentSettingsAreReportedAtTheField(String tls, String message) {
        assertOne(destinationRule(tls), DestinationRuleCodes.CLIENT_TLS, 10, message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'{mode: MUTUAL, privateKey: /etc/key.pem}'        | client certificate required for mutual tls",
            "'{mode: MUTUAL, clientCertificate: /etc/cert.pem}' | private key required for mutual tls"})
    void missingMutualTlsFilesAreReportedAtTls(String tls, String message) {
        assertOne(destinationRule(tls), DestinationRuleCodes.CLIENT_TLS, 9, message);
    }
}
