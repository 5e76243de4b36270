package io.gwctl.proxy.tls;

import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CertificateValidationContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.SubjectAltNameMatcher;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import io.gwctl.translate.envoy.match.StringMatchers;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The checks of a validation context beyond the trust chain, as Envoy's default certificate validator makes
 * them (envoyproxy/envoy {@code source/common/tls/cert_validator/default_validator.cc}, {@code verifyCertificate}):
 * the subject alt names must satisfy one matcher when any is given, and the certificate must match one pin when
 * any is given, {@code verify_certificate_spki} (base64 of the SHA-256 of the SubjectPublicKeyInfo) and
 * {@code verify_certificate_hash} (hex SHA-256 of the DER certificate, colons allowed) counting together.
 *
 * <p>A typed matcher ({@code match_typed_subject_alt_names}) looks at the SANs of its type; an untyped one
 * ({@code match_subject_alt_names}) at DNS, URI, email and IP SANs. A DNS SAN with a leading wildcard
 * ({@code *.example.com}) satisfies an exact matcher for one label in its place, as Envoy's
 * {@code dnsNameMatch} has it.
 */
final class PeerCertificateRules {

    private static final int EMAIL = 1;
    private static final int DNS = 2;
    private static final int URI = 6;
    private static final int IP = 7;

    private record SanMatcher(Set<Integer> types, StringMatcher matcher) {
    }

    private final List<SanMatcher> sans = new ArrayList<>();
    private final List<String> spki;
    private final List<String> hashes;

    PeerCertificateRules(CertificateValidationContext context) {
        for (StringMatcher m : context.getMatchSubjectAltNamesList()) {
            sans.add(new SanMatcher(Set.of(DNS, URI, EMAIL, IP), m));
        }
        for (SubjectAltNameMatcher m : context.getMatchTypedSubjectAltNamesList()) {
            int type = switch (m.getSanType()) {
                case EMAIL -> EMAIL;
                case DNS -> DNS;
                case URI -> URI;
                case IP_ADDRESS -> IP;
                default -> -1;
            };
            sans.add(new SanMatcher(Set.of(type), m.getMatcher()));
        }
        this.spki = List.copyOf(context.getVerifyCertificateSpkiList());
        this.hashes = context.getVerifyCertificateHashList().stream()
                .map(h -> h.replace(":", "").toLowerCase(Locale.ROOT)).toList();
    }

    /** Whether any check is configured (a validation context may only pin, without a CA). */
    boolean any() {
        return !sans.isEmpty() || !spki.isEmpty() || !hashes.isEmpty();
    }

    /** Why {@code peer} fails the checks, or null when it passes. */
    String failure(X509Certificate peer) {
        if (!sans.isEmpty() && !sanMatches(peer)) {
            return "no subject alt name of the certificate matches";
        }
        if ((!spki.isEmpty() || !hashes.isEmpty())
                && !spki.contains(spki(peer)) && !hashes.contains(hash(peer))) {
            return "the certificate matches neither verify_certificate_spki nor verify_certificate_hash";
        }
        return null;
    }

    /** Hex SHA-256 of the DER certificate, as {@code x-forwarded-client-cert} and the hash pins write it. */
    static String hash(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(sha256(certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            return "";
        }
    }

    private static String spki(X509Certificate certificate) {
        return Base64.getEncoder().encodeToString(sha256(certificate.getPublicKey().getEncoded()));
    }

    private boolean sanMatches(X509Certificate peer) {
        List<List<?>> names;
        try {
            names = peer.getSubjectAlternativeNames() == null ? List.of()
                    : new ArrayList<>(peer.getSubjectAlternativeNames());
        } catch (CertificateParsingException e) {
            return false;
        }
        for (List<?> name : names) {
            int type = (Integer) name.get(0);
            if (!(name.get(1) instanceof String value)) {
                continue;
            }
            for (SanMatcher m : sans) {
                if (m.types().contains(type) && matches(m.matcher(), type, value)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matches(StringMatcher matcher, int type, String value) {
        if (type == DNS && matcher.getMatchPatternCase() == StringMatcher.MatchPatternCase.EXACT) {
            return dnsNameMatch(matcher.getExact(), value);
        }
        return StringMatchers.matches(matcher, value);
    }

    /** An exact DNS name against a SAN that may start with {@code *.}, case-insensitively. */
    private static boolean dnsNameMatch(String expected, String san) {
        String name = expected.toLowerCase(Locale.ROOT);
        String pattern = san.toLowerCase(Locale.ROOT);
        if (name.equals(pattern)) {
            return true;
        }
        if (pattern.startsWith("*.")) {
            int dot = name.indexOf('.');
            return dot > 0 && name.substring(dot).equals(pattern.substring(1));
        }
        return false;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
