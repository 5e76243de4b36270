package io.gwctl.validate.rules.names;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The cipher suite names Istio lets through to Envoy, which rejects a listener naming a cipher it does not
 * know ({@code IsValidCipherSuite} and {@code FilterCipherSuites}, istio/istio pkg/config/security/security.go).
 *
 * <p>A name is accepted when it is one of BoringSSL's names below, {@code ALL}, empty, or starts with
 * something other than a letter or digit (an OpenSSL-style operator such as {@code -} or {@code !},
 * which Istio passes through unparsed).
 */
public final class CipherSuites {

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

    private CipherSuites() {
    }

    /**
     * Whether Istio passes {@code suite} on. Go looks at the first byte of the UTF-8 text as a Latin-1
     * character, so this does too.
     */
    public static boolean isValid(String suite) {
        if (suite.isEmpty() || suite.equals("ALL")) {
            return true;
        }
        char first = (char) (suite.getBytes(StandardCharsets.UTF_8)[0] & 0xff);
        int type = Character.getType(first);
        boolean number = type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
        return (!number && !Character.isLetter(first)) || KNOWN.contains(suite);
    }

    /** The valid suites of {@code suites} in their order, each once: what pilot writes to Envoy. */
    public static List<String> filter(List<String> suites) {
        Set<String> kept = new LinkedHashSet<>();
        for (String suite : suites) {
            String s = Objects.requireNonNullElse(suite, "");
            if (isValid(s)) {
                kept.add(s);
            }
        }
        return List.copyOf(kept);
    }
}
