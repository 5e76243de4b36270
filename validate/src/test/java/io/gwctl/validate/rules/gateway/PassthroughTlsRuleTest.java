package io.gwctl.validate.rules.gateway;

import static io.gwctl.validate.rules.gateway.Gateways.assertNone;
import static io.gwctl.validate.rules.gateway.Gateways.assertOne;
import static io.gwctl.validate.rules.gateway.Gateways.httpsServer;
import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.validate.diagnostic.Severity;
import org.junit.jupiter.api.Test;

/**
 * Istio {@code validateTLSOptions}: warning "%v mode does not use certificates, they will be ignored"
 * (validation_test.go TestValidateTlsOptions "pass through sds no certs", "pass through sds crl"). The
 * mode defaults to PASSTHROUGH, the proto enum's zero value.
 */
class PassthroughTlsRuleTest {

    @Test
    void passthroughWithoutCertificatesIsAccepted() {
        assertNone(httpsServer("mode: PASSTHROUGH\n"), GatewayCodes.TLS_PASSTHROUGH_CERTIFICATES);
        assertNone(httpsServer("mode: SIMPLE\ncredentialName: gw-cert\n"), GatewayCodes.TLS_PASSTHROUGH_CERTIFICATES);
    }

    @Test
    void passthroughWithACredentialIsAWarningAtTheMode() {
        var d = assertOne(httpsServer("mode: PASSTHROUGH\ncredentialName: gw-cert\n"),
                GatewayCodes.TLS_PASSTHROUGH_CERTIFICATES, 16,
                "PASSTHROUGH mode does not use certificates, they will be ignored");
        assertThat(d.severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void autoPassthroughWithACrlIsAWarning() {
        assertOne(httpsServer("mode: AUTO_PASSTHROUGH\ncaCrl: /etc/crl.pem\n"),
                GatewayCodes.TLS_PASSTHROUGH_CERTIFICATES, 16,
                "AUTO_PASSTHROUGH mode does not use certificates, they will be ignored");
    }

    @Test
    void credentialNameWithoutModeIsPassthroughSoItIsIgnored() {
        assertOne(httpsServer("credentialName: gw-cert\n"), GatewayCodes.TLS_PASSTHROUGH_CERTIFICATES, 15,
                "PASSTHROUGH mode does not use certificates, they will be ignored");
    }
}
