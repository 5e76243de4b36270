package io.gwctl.validate.rules.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.validate.Validation;
import io.gwctl.validate.diagnostic.Catalog;
import io.gwctl.validate.diagnostic.Severity;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The Gateway family as a whole: a Gateway using each server shape of Istio's Gateway reference
 * (https://istio.io/latest/docs/reference/config/networking/gateway/) gets no Gateway finding.
 */
class GatewayRulesTest {

    private static final String TYPICAL = """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata:
              name: my-gateway
              namespace: some-config-namespace
            spec:
              selector:
                app: my-gateway-controller
              servers:
              - port: {number: 80, name: http, protocol: HTTP}
                hosts: ["uk.bookinfo.com", "eu.bookinfo.com"]
                tls:
                  httpsRedirect: true
              - port: {number: 443, name: https-443, protocol: HTTPS}
                hosts: ["uk.bookinfo.com", "eu.bookinfo.com"]
                tls:
                  mode: SIMPLE
                  credentialName: bookinfo-secret
              - port: {number: 9443, name: https-9443, protocol: HTTPS}
                hosts: ["bookinfo-namespace/*.bookinfo.com"]
                tls:
                  mode: SIMPLE
                  credentialNames: [bookinfo-rsa, bookinfo-ecdsa]
                  minProtocolVersion: TLSV1_2
                  cipherSuites: [ECDHE-ECDSA-AES128-GCM-SHA256, ECDHE-RSA-AES128-GCM-SHA256]
              - port: {number: 9080, name: http-wildcard, protocol: HTTP}
                hosts: ["ns1/*", "ns2/foo.bar.com"]
              - port: {number: 2379, name: mongo, protocol: MONGO}
                hosts: ["*"]
              - port: {number: 8443, name: tls-passthrough, protocol: TLS}
                hosts: ["*.example.com"]
                tls:
                  mode: PASSTHROUGH
              - port: {number: 15443, name: mutual, protocol: HTTPS}
                hosts: ["partner.example.com"]
                tls:
                  mode: MUTUAL
                  serverCertificate: /etc/certs/server.pem
                  privateKey: /etc/certs/key.pem
                  caCertificates: /etc/certs/ca.pem
                  caCrl: /etc/certs/crl.pem
              - port: {number: 15012, name: tls-istiod, protocol: TLS}
                hosts: ["*"]
                tls:
                  mode: ISTIO_MUTUAL
              - port: {number: 0, name: uds, protocol: HTTP}
                bind: unix:///var/run/gw.sock
                hosts: ["internal.example.com"]
            """;

    @Test
    void typicalGatewayHasNoGatewayFindings() {
        var report = Validation.of(TYPICAL);
        assertThat(report.diagnostics()).as(Validation.describe(report))
                .noneMatch(d -> d.code() instanceof GatewayCodes);
    }

    @Test
    void everyCodeIsInTheCatalogInTheGatewayRange() {
        assertThat(GatewayCodes.values()).allSatisfy(c -> {
            assertThat(c.code()).startsWith("GW02");
            assertThat(Catalog.find(c.code())).contains(c);
        });
        assertThat(Arrays.stream(GatewayCodes.values()).filter(c -> c.istioCode().isPresent()))
                .allSatisfy(c -> assertThat(c.istioCode().get())
                        .isEqualTo(c.severity() == Severity.WARNING ? "IST0133" : "IST0106"));
    }
}
