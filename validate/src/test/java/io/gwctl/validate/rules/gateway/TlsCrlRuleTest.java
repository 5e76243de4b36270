package io.gwctl.validate.rules.gateway;

import static io.gwctl.validate.rules.gateway.Gateways.assertNone;
import static io.gwctl.validate.rules.gateway.Gateways.assertOne;
import static io.gwctl.validate.rules.gateway.Gateways.httpsServer;

import org.junit.jupiter.api.Test;

/**
 * Istio {@code validateTLSOptions}: "CRL is not supported with credentialName. CRL has to be specified in
 * the credential", "CRL is not supported with SIMPLE TLS"; reached only past the function's early returns
 * (ISTIO_MUTUAL; a terminating mode with credentials).
 */
class TlsCrlRuleTest {

    @Test
    void crlWithMutualFilesIsAccepted() {
        String yaml = httpsServer("""
                mode: MUTUAL
                serverCertificate: /cert.pem
                privateKey: /key.pem
                caCertificates: /ca.pem
                caCrl: /crl.pem
                """);
        assertNone(yaml, GatewayCodes.TLS_CRL);
    }

    @Test
    void crlWithSimpleIsReportedAtTheCrl() {
        String yaml = httpsServer("""
                mode: SIMPLE
                serverCertificate: /cert.pem
                privateKey: /key.pem
                caCrl: /crl.pem
                """);
        assertOne(yaml, GatewayCodes.TLS_CRL, 19, "CRL is not supported with SIMPLE TLS");
    }

    @Test
    void crlWithCredentialNameIsReportedInPassthroughMode() {
        assertOne(httpsServer("credentialName: gw-cert\ncaCrl: /crl.pem\n"), GatewayCodes.TLS_CRL, 17,
                "CRL is not supported with credentialName. CRL has to be specified in the credential");
    }

    @Test
    void crlWithCredentialNameInATerminatingModeIsNotReachedInIstio() {
        assertNone(httpsServer("mode: SIMPLE\ncredentialName: gw-cert\ncaCrl: /crl.pem\n"), GatewayCodes.TLS_CRL);
    }
}
