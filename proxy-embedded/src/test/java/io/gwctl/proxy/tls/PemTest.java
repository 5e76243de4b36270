package io.gwctl.proxy.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.util.Base64;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Test;

/** Keys in each PEM form OpenSSL and Kubernetes tooling write, as Envoy reads them all. */
class PemTest {

    private static final TestCertificates.Issued LEAF =
            TestCertificates.authority("pem-ca").leaf("pem.example.com").issue();

    @Test
    void readsPkcs8() {
        PrivateKey key = Pem.privateKey(LEAF.keyPem(), "pkcs8");

        Pem.checkPair(key, LEAF.certificate(), "pkcs8");
        assertThat(key.getEncoded()).isEqualTo(LEAF.key().getEncoded());
    }

    @Test
    void readsSec1EcKeysByTheirCurve() throws IOException {
        // As OpenSSL writes it: the curve in the key's parameters field (RFC 5915).
        var sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(256, ((ECPrivateKey) LEAF.key()).getS(),
                new X962Parameters(SECObjectIdentifiers.secp256r1));
        String pem = "-----BEGIN EC PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(sec1.getEncoded()) + "\n-----END EC PRIVATE KEY-----\n";

        PrivateKey key = Pem.privateKey(pem, "sec1");

        Pem.checkPair(key, LEAF.certificate(), "sec1");
    }

    @Test
    void aSec1KeyWithoutItsCurveIsNamed() throws IOException {
        String bare = traditional(LEAF.key());
        assertThat(bare).startsWith("-----BEGIN EC PRIVATE KEY-----");

        assertThatThrownBy(() -> Pem.privateKey(bare, "key.pem"))
                .hasMessage("key.pem: the EC PRIVATE KEY does not name its curve");
    }

    @Test
    void readsPkcs1RsaKeys() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        PrivateKey original = rsa.generateKeyPair().getPrivate();
        String pkcs1 = traditional(original);
        assertThat(pkcs1).startsWith("-----BEGIN RSA PRIVATE KEY-----");

        assertThat(Pem.privateKey(pkcs1, "pkcs1").getEncoded()).isEqualTo(original.getEncoded());
    }

    @Test
    void aKeyOfAnotherCertificateIsNamed() {
        PrivateKey other = TestCertificates.authority("x").leaf("other").issue().key();

        assertThatThrownBy(() -> Pem.checkPair(other, LEAF.certificate(), "secret default/pem"))
                .hasMessageStartingWith("secret default/pem: the private key does not match the certificate");
    }

    private static String traditional(PrivateKey key) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(key);
        }
        return out.toString();
    }
}
