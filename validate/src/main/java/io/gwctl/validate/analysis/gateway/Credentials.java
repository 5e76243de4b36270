package io.gwctl.validate.analysis.gateway;

import io.fabric8.kubernetes.api.model.Secret;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a Secret is a usable server credential, as pilot reads it ({@code credentials/kube/secrets.go
 * ExtractCertInfo}, {@code xds/sds.go ValidateCertificate}): keys {@code cert} and {@code key}, else
 * {@code tls.crt} and {@code tls.key}, both non-empty; the first PEM block of the certificate an X.509
 * certificate valid now; and the first PEM block of the key a private key that loads.
 */
final class Credentials {

    private static final String GENERIC_CERT = "cert";
    private static final String GENERIC_KEY = "key";
    private static final String TLS_CERT = "tls.crt";
    private static final String TLS_KEY = "tls.key";

    private Credentials() {
    }

    /** What is wrong with {@code secret} at {@code now}, or empty when it is a usable credential. */
    static Optional<String> problem(Secret secret, Instant now) {
        Map<String, byte[]> data = new LinkedHashMap<>();
        if (secret.getData() != null) {
            for (Map.Entry<String, String> e : secret.getData().entrySet()) {
                try {
                    data.put(e.getKey(), Base64.getMimeDecoder().decode(e.getValue() == null ? "" : e.getValue()));
                } catch (IllegalArgumentException bad) {
                    return Optional.of("data." + e.getKey() + " is not base64");
                }
            }
        }
        if (secret.getStringData() != null) {
            secret.getStringData()
                    .forEach((k, v) -> data.put(k, (v == null ? "" : v).getBytes(StandardCharsets.UTF_8)));
        }
        byte[] cert;
        byte[] key;
        if (hasValues(data, GENERIC_CERT, GENERIC_KEY)) {
            cert = data.get(GENERIC_CERT);
            key = data.get(GENERIC_KEY);
        } else if (hasValues(data, TLS_CERT, TLS_KEY)) {
            cert = data.get(TLS_CERT);
            key = data.get(TLS_KEY);
        } else {
            return Optional.of(missingKeys(data));
        }
        Optional<Pem> certPem = Pem.first(cert);
        if (certPem.isEmpty()) {
            return Optional.of("the certificate is not PEM");
        }
        X509Certificate certificate;
        try {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(certPem.get().der()));
        } catch (CertificateException | RuntimeException e) {
            return Optional.of("the certificate does not parse");
        }
        if (now.isAfter(certificate.getNotAfter().toInstant())) {
            return Optional.of("the certificate expired at " + certificate.getNotAfter().toInstant());
        }
        if (now.isBefore(certificate.getNotBefore().toInstant())) {
            return Optional.of("the certificate is not valid before " + certificate.getNotBefore().toInstant());
        }
        Optional<Pem> keyPem = Pem.first(key);
        if (keyPem.isEmpty()) {
            return Optional.of("the private key is not PEM");
        }
        try {
            PrivateKeys.load(keyPem.get());
        } catch (GeneralSecurityException e) {
            return Optional.of(e.getMessage());
        }
        return Optional.empty();
    }

    private static boolean hasValues(Map<String, byte[]> data, String a, String b) {
        return data.get(a) != null && data.get(a).length > 0 && data.get(b) != null && data.get(b).length > 0;
    }

    /** Pilot's messages for a Secret without the keys it reads. */
    private static String missingKeys(Map<String, byte[]> data) {
        if (data.containsKey(GENERIC_CERT) && data.containsKey(GENERIC_KEY)) {
            return String.format("found keys \"%s\" and \"%s\", but they were empty", GENERIC_CERT, GENERIC_KEY);
        }
        if (data.containsKey(TLS_CERT) && data.containsKey(TLS_KEY)) {
            return String.format("found keys \"%s\" and \"%s\", but they were empty", TLS_CERT, TLS_KEY);
        }
        List<String> keys = new ArrayList<>(data.keySet());
        keys.sort(null);
        String found = keys.size() <= 3 ? String.join(", ", keys)
                : String.join(", ", keys.subList(0, 3)) + ", and " + (keys.size() - 3) + " more...";
        return String.format("found secret, but didn't have expected keys (%s and %s) or (%s and %s); found: %s",
                GENERIC_CERT, GENERIC_KEY, TLS_CERT, TLS_KEY, found);
    }
}
