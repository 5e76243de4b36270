package io.gwctl.validate.analysis.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pilot's {@code ExtractCertInfo} (credentials/kube/secrets.go) and {@code ValidateCertificate}
 * (xds/sds.go), with the private key loaded by {@code java.security}.
 */
class CredentialsTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    private static Secret secret(Map<String, String> stringData) {
        return new SecretBuilder().withNewMetadata().withName("s").endMetadata().withStringData(stringData).build();
    }

    private static Secret tls(String cert, String key) {
        return secret(Map.of("tls.crt", cert, "tls.key", key));
    }

    @Test
    void tlsSecretWithKeyInAnyEncodingIsUsable() {
        assertThat(Credentials.problem(tls(TestCredentials.CERT, TestCredentials.EC_KEY), NOW)).isEmpty();
        Secret generic = secret(Map.of("cert", TestCredentials.CERT, "key", TestCredentials.PKCS8_KEY));
        assertThat(Credentials.problem(generic, NOW)).isEmpty();
        assertThat(Credentials.problem(tls(TestCredentials.CERT, TestCredentials.RSA_KEY), NOW))
                .as("pilot does not check that the key belongs to the certificate")
                .isEmpty();
    }

    @Test
    void base64DataIsDecoded() {
        String cert = Base64.getEncoder().encodeToString(TestCredentials.CERT.getBytes(StandardCharsets.UTF_8));
        String key = Base64.getEncoder().encodeToString(TestCredentials.EC_KEY.getBytes(StandardCharsets.UTF_8));
        Secret s = new SecretBuilder().withNewMetadata().withName("s").endMetadata()
                .withData(Map.of("tls.crt", cert, "tls.key", key)).build();
        assertThat(Credentials.problem(s, NOW)).isEmpty();
    }

    @Test
    void expiredOrNotYetValidCertificateIsAProblem() {
        Secret s = secret(Map.of("tls.crt", TestCredentials.CERT, "tls.key", TestCredentials.EC_KEY));
        assertThat(Credentials.problem(s, Instant.parse("2127-01-01T00:00:00Z")))
                .contains("the certificate expired at 2126-10-29T01:48:22Z");
        assertThat(Credentials.problem(s, Instant.parse("2020-01-01T00:00:00Z")))
                .contains("the certificate is not valid before 2026-11-22T01:48:22Z");
    }

    @Test
    void missingKeysGetPilotsMessages() {
        assertThat(Credentials.problem(secret(Map.of("tls.cert", "x")), NOW)).contains("found secret, but didn't have "
                + "expected keys (cert and key) or (tls.crt and tls.key); found: tls.cert");
        assertThat(Credentials.problem(secret(Map.of("tls.crt", "", "tls.key", "")), NOW))
                .contains("found keys \"tls.crt\" and \"tls.key\", but they were empty");
    }

    @Test
    void garbageCertificateOrKeyIsAProblem() {
        assertThat(Credentials.problem(secret(Map.of("cert", "hush hush", "key", TestCredentials.EC_KEY)), NOW))
                .contains("the certificate is not PEM");
        assertThat(Credentials.problem(secret(Map.of("tls.crt", TestCredentials.CERT, "tls.key", "secret")), NOW))
                .contains("the private key is not PEM");
        assertThat(Credentials.problem(secret(Map.of("tls.crt", TestCredentials.CERT, "tls.key", TestCredentials.CERT)),
                NOW)).contains("the key's PEM block is \"CERTIFICATE\", not a private key");
        String lastLine = "XWw3ZOGIemtIOz/xy1K+lt7P/ASPizYY+AC/KNOAvE7OP4p4jhujBk+l\n";
        String truncated = TestCredentials.PKCS8_KEY.replace(lastLine, "");
        assertThat(Credentials.problem(secret(Map.of("tls.crt", TestCredentials.CERT, "tls.key", truncated)), NOW))
                .contains("the private key does not parse");
    }
}
