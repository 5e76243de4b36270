package io.gwctl.validate.rules.gateway;

import static io.gwctl.validate.rules.gateway.Gateways.assertNone;
import static io.gwctl.validate.rules.gateway.Gateways.assertOne;

import org.junit.jupiter.api.Test;

/**
 * Istio {@code validateServer}: TLS settings must fit the protocol (validation_test.go TestValidateServer:
 * "no tls on HTTPS", "tls on HTTP", "tls redirect on HTTP"; TestValidateGateway "valid httpsRedirect").
 */
class ServerProtocolTlsRuleTest {

    /** One server with {@code protocol} on line 11 and, if given, {@code tls} on line 13. */
    private static String server(String protocol, String tls) {
        return Gateways.withServers("""
                - hosts: ["foo.bar.com"]
                  port: {number: 10000, name: p, protocol: %s}
                %s""".formatted(protocol, tls.isEmpty() ? "" : "  tls: " + tls + "\n"));
    }

    @Test
    void httpsWithTlsIsAccepted() {
        assertNone(server("HTTPS", "{mode: SIMPLE, credentialName: cert}"), GatewayCodes.TLS_REQUIRED);
    }

    @Test
    void httpsWithoutTlsIsReported() {
        assertOne(server("HTTPS", ""), GatewayCodes.TLS_REQUIRED, 10,
                "server must have TLS settings for HTTPS/TLS protocols");
        assertOne(server("tls", ""), GatewayCodes.TLS_REQUIRED, 10,
                "server must have TLS settings for HTTPS/TLS protocols");
    }

    @Test
    void notCheckedWhileThePortIsInvalidAsInIstio() {
        String yaml = Gateways.withServers("""
                - hosts: ["foo.bar.com"]
                  port: {number: 443, protocol: HTTPS}
                """);
        assertNone(yaml, GatewayCodes.TLS_REQUIRED);
    }

    @Test
    void httpsRedirectAloneIsAcceptedOnHttp() {
        assertNone(server("HTTP", "{httpsRedirect: true}"), GatewayCodes.TLS_ON_HTTP);
        assertNone(server("http", "{}"), GatewayCodes.TLS_ON_HTTP);
    }

    @Test
    void terminatingTlsOnHttpIsReported() {
        assertOne(server("HTTP", "{mode: SIMPLE}"), GatewayCodes.TLS_ON_HTTP, 12,
                "server cannot have TLS settings for plain text HTTP ports");
    }

    @Test
    void certificateFilesOnHttpAreReportedEvenInPassthroughMode() {
        assertOne(server("GRPC", "{httpsRedirect: true, serverCertificate: /etc/cert.pem}"), GatewayCodes.TLS_ON_HTTP,
                12, "server cannot have TLS settings for plain text HTTP ports");
    }

    @Test
    void tlsOnTcpIsReported() {
        assertOne(server("TCP", "{mode: PASSTHROUGH}"), GatewayCodes.TLS_ON_PLAIN_PORT, 12,
                "server cannot have TLS settings for non HTTPS/TLS ports");
        assertNone(server("TCP", ""), GatewayCodes.TLS_ON_PLAIN_PORT);
    }
}
