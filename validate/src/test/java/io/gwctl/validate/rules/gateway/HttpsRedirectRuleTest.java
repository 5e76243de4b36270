package io.gwctl.validate.rules.gateway;

import static io.gwctl.validate.rules.gateway.Gateways.assertNone;
import static io.gwctl.validate.rules.gateway.Gateways.assertOne;
import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.validate.diagnostic.Severity;
import org.junit.jupiter.api.Test;

/**
 * Istio {@code ValidateGateway}: warning "tls.httpsRedirect should only be used with http servers"
 * (validation_test.go TestValidateGateway "valid httpsRedirect", "invalid https httpsRedirect").
 */
class HttpsRedirectRuleTest {

    private static String server(String protocol) {
        return Gateways.withServers("""
                - hosts: ["bar.com"]
                  port: {number: 80, name: web, protocol: %s}
                  tls:
                    httpsRedirect: true
                """.formatted(protocol));
    }

    @Test
    void redirectOnHttpIsAccepted() {
        assertNone(server("http"), GatewayCodes.HTTPS_REDIRECT);
        assertNone(server("HTTP2"), GatewayCodes.HTTPS_REDIRECT);
    }

    @Test
    void redirectOnHttpsIsAWarningAtTheFlag() {
        var d = assertOne(server("https"), GatewayCodes.HTTPS_REDIRECT, 13,
                "tls.httpsRedirect should only be used with http servers");
        assertThat(d.severity()).isEqualTo(Severity.WARNING);
    }
}
