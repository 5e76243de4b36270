package io.gwctl.validate.rules.gateway;

import static io.gwctl.validate.rules.gateway.Gateways.assertNone;
import static io.gwctl.validate.rules.gateway.Gateways.found;
import static io.gwctl.validate.rules.gateway.Gateways.httpsServer;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Istio {@code validateTLSOptions}: "ISTIO_MUTUAL TLS cannot have associated …" (validation_test.go
 * TestValidateTlsOptions "istio_mutual no certs", "… with server cert", "… with private key",
 * "… with client bundle", "… with credential name").
 */
class IstioMutualTlsRuleTest {

    @Test
    void istioMutualWithoutCertificatesIsAccepted() {
        assertNone(httpsServer("mode: ISTIO_MUTUAL\n"), GatewayCodes.TLS_ISTIO_MUTUAL_CERTIFICATES);
    }

    @Test
    void everyCertificateFieldIsReportedWhereItIs() {
        String yaml = httpsServer("""
                mode: ISTIO_MUTUAL
                serverCertificate: /etc/certs/cert.pem
                privateKey: /etc/certs/key.pem
                caCertificates: /etc/certs/ca.pem
                tlsCertificates:
                - {serverCertificate: /a.pem, privateKey: /a.key}
                credentialName: gw-cert
                credentialNames: [gw-cert-rsa]
                """);
        assertThat(found(yaml, GatewayCodes.TLS_ISTIO_MUTUAL_CERTIFICATES)).containsExactly(
                "17 ISTIO_MUTUAL TLS cannot have associated server certificate",
                "18 ISTIO_MUTUAL TLS cannot have associated private key",
                "19 ISTIO_MUTUAL TLS cannot have associated CA bundle",
                "20 ISTIO_MUTUAL TLS cannot have associated tlsCertificates",
                "22 ISTIO_MUTUAL TLS cannot have associated credentialName",
                "23 ISTIO_MUTUAL TLS cannot have associated credentialNames");
    }
}
