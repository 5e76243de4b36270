package io.gwctl.validate.rules.gateway;

import static io.gwctl.validate.rules.gateway.Gateways.assertNone;
import static io.gwctl.validate.rules.gateway.Gateways.assertOne;
import static io.gwctl.validate.rules.gateway.Gateways.found;
import static io.gwctl.validate.rules.gateway.Gateways.httpsServer;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The Gateway CRD's CEL rules on {@code tls} (istio/api kubernetes/customresourcedefinitions.gen.yaml):
 * "only one of credentialNames or tlsCertificates can be set", "only one of credentialName or
 * credentialNames can be set".
 */
class TlsCredentialSchemaRuleTest {

    @Test
    void credentialNamesAloneIsAccepted() {
        assertNone(httpsServer("mode: SIMPLE\ncredentialNames: [rsa, ec]\n"), GatewayCodes.TLS_CREDENTIAL_CONFLICT);
    }

    @Test
    void credentialNamesWithTlsCertificatesIsReported() {
        String yaml = httpsServer("""
                mode: SIMPLE
                credentialNames: [rsa]
                tlsCertificates:
                - {serverCertificate: /a.pem, privateKey: /a.key}
                """);
        assertOne(yaml, GatewayCodes.TLS_CREDENTIAL_CONFLICT, 17,
                "only one of credentialNames or tlsCertificates can be set");
    }

    @Test
    void credentialNameWithCredentialNamesIsReported() {
        assertOne(httpsServer("mode: SIMPLE\ncredentialName: rsa\ncredentialNames: [ec]\n"),
                GatewayCodes.TLS_CREDENTIAL_CONFLICT, 18, "only one of credentialName or credentialNames can be set");
    }

    @Test
    void presenceCountsAsInCelEvenForAnEmptyList() {
        assertThat(found(httpsServer("mode: SIMPLE\ncredentialName: rsa\ncredentialNames: []\n"),
                GatewayCodes.TLS_CREDENTIAL_CONFLICT)).containsExactly(
                        "18 only one of credentialName or credentialNames can be set");
    }

    @Test
    void credentialNameWithTlsCertificatesPassesTheApiServer() {
        String yaml = httpsServer("""
                mode: SIMPLE
                credentialName: rsa
                tlsCertificates:
                - {serverCertificate: /a.pem, privateKey: /a.key}
                """);
        assertNone(yaml, GatewayCodes.TLS_CREDENTIAL_CONFLICT);
    }
}
