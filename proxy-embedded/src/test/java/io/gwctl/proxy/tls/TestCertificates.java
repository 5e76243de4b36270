package io.gwctl.proxy.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificate authorities and certificates made by a test, so TLS tests run real handshakes against real
 * chains: a CA, leaves it signs (server and client), expired ones, and ones from another CA. Keys are EC P-256
 * (fast to make), written as PKCS#8 PEM, which Envoy, curl, nginx and Netty all read.
 */
public final class TestCertificates {

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestCertificates() {
    }

    /** A self-signed certificate authority valid from an hour ago for a day. */
    public static Authority authority(String commonName) {
        KeyPair keys = keyPair();
        Instant now = Instant.now();
        X500Name name = new X500Name("CN=" + commonName);
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), name,
                    keys.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
            return new Authority(sign(b, keys.getPrivate()), keys.getPrivate());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A certificate authority and the key that signs with it. */
    public record Authority(X509Certificate certificate, PrivateKey key) {

        public Authority {
            Objects.requireNonNull(certificate, "certificate");
            Objects.requireNonNull(key, "key");
        }

        /** A leaf for {@code commonName}, with it as its one DNS name unless {@link Leaf#dns} adds others. */
        public Leaf leaf(String commonName) {
            return new Leaf(this, commonName);
        }

        public String certificatePem() {
            return pem(certificate);
        }

        /** Writes the CA certificate to {@code dir/<name>.crt}. */
        public Path writeCertificate(Path dir, String name) {
            return write(dir.resolve(name + ".crt"), certificatePem());
        }
    }

    /** What a leaf certificate will hold; {@link #issue()} signs it. */
    public static final class Leaf {
        private final Authority issuer;
        private final String commonName;
        private final List<GeneralName> names = new ArrayList<>();
        private Instant notBefore = Instant.now().minus(Duration.ofHours(1));
        private Instant notAfter = Instant.now().plus(Duration.ofDays(1));

        private Leaf(Authority issuer, String commonName) {
            this.issuer = issuer;
            this.commonName = commonName;
        }

        public Leaf dns(String... dnsNames) {
            for (String n : dnsNames) {
                names.add(new GeneralName(GeneralName.dNSName, n));
            }
            return this;
        }

        public Leaf ip(String... addresses) {
            for (String a : addresses) {
                names.add(new GeneralName(GeneralName.iPAddress, a));
            }
            return this;
        }

        /** A URI subject alt name, as a SPIFFE identity ({@code spiffe://cluster.local/ns/default/sa/client}). */
        public Leaf uri(String... uris) {
            for (String u : uris) {
                names.add(new GeneralName(GeneralName.uniformResourceIdentifier, u));
            }
            return this;
        }

        /** Valid from two days ago until yesterday. */
        public Leaf expired() {
            notBefore = Instant.now().minus(Duration.ofDays(2));
            notAfter = Instant.now().minus(Duration.ofDays(1));
            return this;
        }

        /** Signs the leaf, usable both by a server and by a client. */
        public Issued issue() {
            KeyPair keys = keyPair();
            try {
                JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
                X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer.certificate(), serial(),
                        Date.from(notBefore), Date.from(notAfter), new X500Name("CN=" + commonName), keys.getPublic());
                List<GeneralName> sans = names.isEmpty()
                        ? List.of(new GeneralName(GeneralName.dNSName, commonName)) : names;
                b.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(sans.toArray(GeneralName[]::new)));
                b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
                b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                        new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
                b.addExtension(Extension.authorityKeyIdentifier, false,
                        ext.createAuthorityKeyIdentifier(issuer.certificate()));
                return new Issued(sign(b, issuer.key()), keys.getPrivate(), issuer);
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A signed leaf, its key, and the authority that signed it. */
    public record Issued(X509Certificate certificate, PrivateKey key, Authority issuer) {

        public String certificatePem() {
            return pem(certificate);
        }

        /** The key as PKCS#8 PEM ({@code BEGIN PRIVATE KEY}). */
        public String keyPem() {
            return "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
        }

        /** Writes {@code dir/<name>.crt} and {@code dir/<name>.key}; returns the pair. */
        public PemFiles written(Path dir, String name) {
            return new PemFiles(write(dir.resolve(name + ".crt"), certificatePem()),
                    write(dir.resolve(name + ".key"), keyPem()));
        }

        /** Base64 of the PEM, as a Kubernetes Secret's {@code data} holds it. */
        public String certificateBase64() {
            return Base64.getEncoder().encodeToString(certificatePem().getBytes(StandardCharsets.US_ASCII));
        }

        public String keyBase64() {
            return Base64.getEncoder().encodeToString(keyPem().getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** Where a certificate and its key were written. */
    public record PemFiles(Path certificate, Path key) {
    }

    /** Base64 of the authority's PEM, for a Secret's {@code ca.crt}. */
    public static String base64(Authority authority) {
        return Base64.getEncoder().encodeToString(authority.certificatePem().getBytes(StandardCharsets.US_ASCII));
    }

    private static String pem(Object value) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static Path write(Path path, String text) {
        try {
            return java.nio.file.Files.writeString(path, text, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIAL.incrementAndGet());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key) throws GeneralSecurityException {
        try {
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(key);
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }
}
