package io.gwctl.validate.rules.gateway;

import static io.gwctl.validate.rules.gateway.Gateways.assertNone;
import static io.gwctl.validate.rules.gateway.Gateways.assertOne;
import static io.gwctl.validate.rules.gateway.Gateways.found;
import static io.gwctl.validate.rules.gateway.Gateways.httpsServer;
import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.validate.diagnostic.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Istio {@code validateTLSOptions}: one certificate source; certificates, keys and a client CA for the
 * terminating modes (validation_test.go TestValidateTlsOptions: "simple", "simple sds …", "simple no server
 * cert", "simple no private key", "simple more than 2 certs", "simple with both server cert and tls certs",
 * "simple 2 certs with missing certificate", "mutual …", "credential names and certificates",
 * "optional mutual no certs").
 */
class ServerCertificateRuleTest {

    private static final String PAIR = "serverCertificate: /etc/certs/cert.pem\nprivateKey: /etc/certs/key.pem\n";

    @Test
    void simpleWithAPairOrACredentialIsAccepted() {
        String pair = httpsServer("mode: SIMPLE\n" + PAIR);
        String credential = httpsServer("mode: SIMPLE\ncredentialName: gw-cert\n");
        for (String yaml : new String[] {pair, credential}) {
            assertNone(yaml, GatewayCodes.TLS_CERTIFICATE_REQUIRED);
            assertNone(yaml, GatewayCodes.TLS_CERTIFICATE_SOURCES);
        }
    }

    @Test
    void simpleWithoutCertificateOrKeyIsReportedAtTheMissingField() {
        assertOne(httpsServer("mode: SIMPLE\nprivateKey: /etc/certs/key.pem\n"), GatewayCodes.TLS_CERTIFICATE_REQUIRED,
                15, "SIMPLE TLS requires a server certificate");
        assertOne(httpsServer("mode: SIMPLE\nserverCertificate: /etc/certs/cert.pem\n"),
                GatewayCodes.TLS_CERTIFICATE_REQUIRED, 15, "SIMPLE TLS requires a private key");
    }

    @Test
    void mutualNeedsAClientCaBundleAndTheServerPair() {
        assertThat(found(httpsServer("mode: MUTUAL\n"), GatewayCodes.TLS_CERTIFICATE_REQUIRED))
                .containsExactlyInAnyOrder(
                "15 MUTUAL TLS requires a client CA bundle",
                "15 MUTUAL TLS requires a server certificate",
                "15 MUTUAL TLS requires a private key");
        assertNone(httpsServer("mode: MUTUAL\ncaCertificates: /etc/certs/ca.pem\n" + PAIR),
                GatewayCodes.TLS_CERTIFICATE_REQUIRED);
    }

    @Test
    void optionalMutualIsCheckedAsMutual() {
        assertOne(httpsServer("mode: OPTIONAL_MUTUAL\n" + PAIR), GatewayCodes.TLS_CERTIFICATE_REQUIRED, 15,
                "MUTUAL TLS requires a client CA bundle");
    }

    @Test
    void mutualWithACredentialStillNeedsNothingElse() {
        assertNone(httpsServer("mode: MUTUAL\ncredentialName: gw-cert\n"), GatewayCodes.TLS_CERTIFICATE_REQUIRED);
    }

    @Test
    void eachTlsCertificateNeedsItsPair() {
        String yaml = httpsServer("""
                mode: SIMPLE
                tlsCertificates:
                - privateKey: /etc/certs/rsa.key
                - serverCertificate: /etc/certs/ec.pem
                """);
        assertThat(found(yaml, GatewayCodes.TLS_CERTIFICATE_REQUIRED)).containsExactly(
                "18 SIMPLE TLS requires a server certificate",
                "19 SIMPLE TLS requires a private key");
    }

    @Test
    void moreThanTwoTlsCertificatesIsAWarning() {
        String yaml = httpsServer("""
                mode: SIMPLE
                tlsCertificates:
                - {serverCertificate: /a.pem, privateKey: /a.key}
                - {serverCertificate: /b.pem, privateKey: /b.key}
                - {serverCertificate: /c.pem, privateKey: /c.key}
                """);
        var d = assertOne(yaml, GatewayCodes.TLS_CERTIFICATE_COUNT, 17,
                "SIMPLE TLS can support up to 2 server certificates");
        assertThat(d.severity()).isEqualTo(Severity.WARNING);
        assertNone(yaml, GatewayCodes.TLS_CERTIFICATE_REQUIRED);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "credentialName: gw-cert\n" + PAIR,
        "credentialNames: [gw-cert]\n" + PAIR,
        "credentialName: gw-cert\ntlsCertificates:\n- {serverCertificate: /a.pem, privateKey: /a.key}\n",
        "credentialName: gw-cert\ncredentialNames: [gw-cert-ec]\n"})
    void twoCertificateSourcesAreReportedAtTheTls(String sources) {
        assertOne(httpsServer("mode: MUTUAL\ncaCertificates: /ca.pem\n" + sources),
                GatewayCodes.TLS_CERTIFICATE_SOURCES, 15, "only one of credential_name, credential_names, "
                        + "server_certificate/private_key, tls_certificates should be specified");
    }

    @Test
    void aLoneCertificateWithoutKeyIsNotASecondSource() {
        assertNone(httpsServer("mode: SIMPLE\ncredentialName: gw-cert\nserverCertificate: /a.pem\n"),
                GatewayCodes.TLS_CERTIFICATE_SOURCES);
    }

    @Test
    void istioMutualIsLeftToItsOwnRuleAsInIstio() {
        String yaml = httpsServer("mode: ISTIO_MUTUAL\ncredentialName: gw-cert\ncredentialNames: [gw-cert-rsa]\n");
        assertNone(yaml, GatewayCodes.TLS_CERTIFICATE_SOURCES);
    }
}
