package io.gwctl.validate.analysis.serviceentry;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.validate.Validation;
import io.gwctl.validate.analysis.AnalysisCodes;
import org.junit.jupiter.api.Test;

/**
 * Istio {@code serviceentry.Analyzer} ({@code serviceentry/protocoladdresses.go}; testdata
 * {@code serviceentry-address-*.yaml}, {@code serviceentry-missing-addresses-protocol.yaml}).
 */
class ProtocolAddressesAnalyzerTest {

    private static String entry(String protocol, String extra) {
        return """
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata:
                  name: db
                  namespace: default
                spec:
                  hosts: [db.example.com]
                  ports:
                  - name: db
                    number: 5432
                    protocol: %s
                  resolution: DNS
                %s""".formatted(protocol, extra);
    }

    @Test
    void tcpPortWithoutAddressesIsReportedAtItsProtocol() {
        assertThat(Validation.findings(entry("tcp", ""), AnalysisCodes.SERVICE_ENTRY_ADDRESSES_REQUIRED))
                .singleElement().satisfies(d -> {
                    assertThat(d.line()).isEqualTo(11);
                    assertThat(d.message()).isEqualTo("ServiceEntry addresses are required for this protocol.");
                });
    }

    @Test
    void addressesAllocatedAddressesOrAnotherProtocolAreAccepted() {
        assertThat(Validation.findings(entry("TCP", "  addresses: [10.0.0.1]\n"),
                AnalysisCodes.SERVICE_ENTRY_ADDRESSES_REQUIRED)).isEmpty();
        assertThat(Validation.findings(entry("TCP", "status:\n  addresses:\n  - value: 240.240.0.1\n"),
                AnalysisCodes.SERVICE_ENTRY_ADDRESSES_REQUIRED)).isEmpty();
        assertThat(Validation.findings(entry("HTTPS", ""), AnalysisCodes.SERVICE_ENTRY_ADDRESSES_REQUIRED)).isEmpty();
    }
}
