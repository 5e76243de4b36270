package io.gwctl.validate.rules.gateway;

import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettingsTLSProtocol;
import io.gwctl.validate.diagnostic.GoFormat;
import io.gwctl.validate.rules.RuleContext;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A server's cipher suites: Envoy would reject a listener with a cipher it does not know, so Istio drops
 * unknown and repeated names and warns; and a minimum TLS version below 1.2 needs ciphers named, as
 * Envoy's default list has none that old clients share. Istio: {@code validateTLSOptions} with
 * {@code security.IsValidCipherSuite} (pkg/config/security): warnings "ignoring invalid cipher suites: %v",
 * "ignoring duplicate cipher suites: %v" (sorted lists), "TLS version below TLSV1_2 require setting
 * compatible ciphers as by default they no longer include compatible ciphers."
 *
 * <p>A name is accepted when it is one of BoringSSL's names below, {@code ALL}, empty, or starts with
 * something other than a letter or digit (an OpenSSL-style operator such as {@code -} or {@code !},
 * which Istio passes through unparsed).
 */
final class TlsCipherRule extends TlsRule {

    /** Istio's {@code ValidCipherSuites}: {@code bssl ciphers -openssl-name ALL} without PSK suites. */
    private static final Set<String> KNOWN = Set.of(
            "ECDHE-ECDSA-AES128-GCM-SHA256",
            "ECDHE-RSA-AES128-GCM-SHA256",
            "ECDHE-ECDSA-AES256-GCM-SHA384",
            "ECDHE-RSA-AES256-GCM-SHA384",
            "ECDHE-ECDSA-CHACHA20-POLY1305",
            "ECDHE-RSA-CHACHA20-POLY1305",
            "ECDHE-ECDSA-AES128-SHA",
            "ECDHE-RSA-AES128-SHA",
            "ECDHE-ECDSA-AES256-SHA",
            "ECDHE-RSA-AES256-SHA",
            "AES128-GCM-SHA256",
            "AES256-GCM-SHA384",
            "AES128-SHA",
            "AES256-SHA",
            "DES-CBC3-SHA");

    @Override
    void checkTls(RuleContext context, int index, ServerTls tls) {
        ServerTLSSettingsTLSProtocol min = tls.minProtocolVersion();
        if ((min == ServerTLSSettingsTLSProtocol.TLSV1_0 || min == ServerTLSSettingsTLSProtocol.TLSV1_1)
                && tls.cipherSuites().isEmpty()) {
            context.report(GatewayCodes.TLS_MIN_VERSION_CIPHERS, GatewayPaths.tls(index, "minProtocolVersion"),
                    "TLS version below TLSV1_2 require setting compatible ciphers as by default they no longer "
                            + "include compatible ciphers.");
        }
        SortedSet<String> invalid = new TreeSet<>();
        SortedSet<String> duplicate = new TreeSet<>();
        Set<String> valid = new HashSet<>();
        for (String entry : tls.cipherSuites()) {
            String suite = Objects.requireNonNullElse(entry, "");
            if (!isValid(suite)) {
                invalid.add(suite);
            } else if (!valid.add(suite)) {
                duplicate.add(suite);
            }
        }
        String path = GatewayPaths.tls(index, "cipherSuites");
        if (!invalid.isEmpty()) {
            context.report(GatewayCodes.TLS_CIPHER_SUITES, path, "ignoring invalid cipher suites: %s",
                    GoFormat.list(invalid));
        }
        if (!duplicate.isEmpty()) {
            context.report(GatewayCodes.TLS_CIPHER_SUITES, path, "ignoring duplicate cipher suites: %s",
                    GoFormat.list(duplicate));
        }
    }

    /**
     * {@code security.IsValidCipherSuite}. Go looks at the first byte of the UTF-8 text as a Latin-1
     * character, so this does too.
     */
    static boolean isValid(String suite) {
        if (suite.isEmpty() || suite.equals("ALL")) {
            return true;
        }
        char first = (char) (suite.getBytes(StandardCharsets.UTF_8)[0] & 0xff);
        int type = Character.getType(first);
        boolean number = type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
        return (!number && !Character.isLetter(first)) || KNOWN.contains(suite);
    }
}
