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
 * Istio {@code validateTLSOptions} with {@code security.IsValidCipherSuite} (validation_test.go
 * TestValidateTlsOptions "invalid cipher suites", "valid cipher suites"; pkg/config/security
 * {@code ValidCipherSuites}).
 */
class TlsCipherRuleTest {

    private static String ciphers(String list) {
        return httpsServer("""
                mode: SIMPLE
                credentialName: sds-name
                cipherSuites: %s
                """.formatted(list));
    }

    @Test
    void knownCiphersAreAccepted() {
        assertNone(ciphers("[ECDHE-ECDSA-AES128-SHA, ECDHE-RSA-AES256-GCM-SHA384]"), GatewayCodes.TLS_CIPHER_SUITES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ALL", "'-AES128-SHA'", "'!aNULL'",
        "'[ECDHE-ECDSA-AES128-GCM-SHA256|ECDHE-ECDSA-CHACHA20-POLY1305]'"})
    void allAndOperatorExpressionsPassUnparsed(String entry) {
        assertNone(ciphers("[" + entry + "]"), GatewayCodes.TLS_CIPHER_SUITES);
    }

    @Test
    void unknownCiphersAreAWarningListedSorted() {
        var d = assertOne(ciphers("[not-a-cipher-suite, AES128-SHA, TLS_AES_128_GCM_SHA256]"),
                GatewayCodes.TLS_CIPHER_SUITES, 18,
                "ignoring invalid cipher suites: [TLS_AES_128_GCM_SHA256 not-a-cipher-suite]");
        assertThat(d.severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void repeatedCiphersAreAWarning() {
        assertThat(found(ciphers("[AES128-SHA, AES256-SHA, AES128-SHA, bogus, bogus]"), GatewayCodes.TLS_CIPHER_SUITES))
                .containsExactlyInAnyOrder(
                        "18 ignoring invalid cipher suites: [bogus]",
                        "18 ignoring duplicate cipher suites: [AES128-SHA]");
    }

    @Test
    void oldMinimumVersionWithoutCiphersIsAWarning() {
        String yaml = httpsServer("""
                mode: SIMPLE
                credentialName: sds-name
                minProtocolVersion: TLSV1_1
                """);
        assertOne(yaml, GatewayCodes.TLS_MIN_VERSION_CIPHERS, 18, "TLS version below TLSV1_2 require setting "
                + "compatible ciphers as by default they no longer include compatible ciphers.");
    }

    @Test
    void oldMinimumVersionWithCiphersIsAccepted() {
        String yaml = httpsServer("""
                mode: SIMPLE
                credentialName: sds-name
                minProtocolVersion: TLSV1_0
                cipherSuites: [ECDHE-RSA-AES128-SHA]
                """);
        assertNone(yaml, GatewayCodes.TLS_MIN_VERSION_CIPHERS);
        assertNone(httpsServer("{mode: SIMPLE, credentialName: c, minProtocolVersion: TLSV1_2}"),
                GatewayCodes.TLS_MIN_VERSION_CIPHERS);
    }
}
