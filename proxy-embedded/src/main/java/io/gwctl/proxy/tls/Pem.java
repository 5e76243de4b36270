package io.gwctl.proxy.tls;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Certificates and keys in PEM, read as Envoy reads them (envoyproxy/envoy
 * {@code source/common/tls/context_impl.cc}): a certificate chain of one or more {@code CERTIFICATE} blocks,
 * a private key as PKCS#8 ({@code PRIVATE KEY}), PKCS#1 RSA ({@code RSA PRIVATE KEY}) or SEC1 EC
 * ({@code EC PRIVATE KEY}, what {@code openssl ecparam -genkey} and cert-manager's ECDSA keys are), and a key that
 * must belong to the first certificate. Every failure names where the text came from.
 */
final class Pem {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*?)-----END \\1-----");
    /** DER prefix of a PKCS#8 wrapper around a PKCS#1 RSA key, before the key's length and bytes. */
    private static final byte[] RSA_ALGORITHM = {0x02, 0x01, 0x00, 0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48,
            (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    /** DER of the OID id-ecPublicKey (1.2.840.10045.2.1), the algorithm of every EC key in PKCS#8. */
    private static final byte[] EC_PUBLIC_KEY = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};

    private Pem() {
    }

    /** The certificates of {@code pem} in order, the leaf first. */
    static List<X509Certificate> certificates(String pem, String origin) {
        List<X509Certificate> out = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (byte[] der : blocks(pem, "CERTIFICATE")) {
                out.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            }
        } catch (CertificateException | IllegalArgumentException e) {
            throw new TlsConfigException(origin + ": not a PEM certificate (" + e.getMessage() + ")", e);
        }
        if (out.isEmpty()) {
            throw new TlsConfigException(origin + ": no PEM certificate (BEGIN CERTIFICATE) in it");
        }
        return out;
    }

    /** The private key of {@code pem}. */
    static PrivateKey privateKey(String pem, String origin) {
        byte[] pkcs8;
        List<byte[]> plain = blocks(pem, "PRIVATE KEY");
        List<byte[]> rsa = blocks(pem, "RSA PRIVATE KEY");
        if (!plain.isEmpty()) {
            pkcs8 = plain.get(0);
        } else if (!rsa.isEmpty()) {
            pkcs8 = wrapRsa(rsa.get(0));
        } else if (!blocks(pem, "EC PRIVATE KEY").isEmpty()) {
            pkcs8 = wrapEc(blocks(pem, "EC PRIVATE KEY").get(0), origin);
        } else if (!blocks(pem, "ENCRYPTED PRIVATE KEY").isEmpty()) {
            throw new TlsConfigException(origin + ": the private key is encrypted; Envoy needs it unencrypted");
        } else {
            throw new TlsConfigException(origin + ": no PEM private key (BEGIN PRIVATE KEY) in it");
        }
        for (String algorithm : new String[] {"EC", "RSA", "Ed25519", "Ed448"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            } catch (GeneralSecurityException e) {
                // Try the next algorithm.
            }
        }
        throw new TlsConfigException(origin + ": the private key is neither EC, RSA nor EdDSA");
    }

    /** Fails unless {@code key} signs what the public key of {@code certificate} verifies. */
    static void checkPair(PrivateKey key, X509Certificate certificate, String origin) {
        String algorithm = switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> key.getAlgorithm();
        };
        byte[] data = new byte[32];
        new SecureRandom().nextBytes(data);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(data);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(data);
            if (verifier.verify(signature)) {
                return;
            }
        } catch (GeneralSecurityException e) {
            // Different key types: no match.
        }
        throw new TlsConfigException(origin + ": the private key does not match the certificate ("
                + certificate.getSubjectX500Principal().getName() + ")");
    }

    private static List<byte[]> blocks(String pem, String type) {
        List<byte[]> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(pem);
        while (m.find()) {
            if (m.group(1).equals(type)) {
                out.add(Base64.getMimeDecoder().decode(m.group(2)));
            }
        }
        return out;
    }

    /** PKCS#1 RSA key bytes inside a PKCS#8 structure, which the JDK key factory reads. */
    private static byte[] wrapRsa(byte[] pkcs1) {
        byte[] octets = concat(new byte[] {0x04}, derLength(pkcs1.length), pkcs1);
        byte[] body = concat(RSA_ALGORITHM, octets);
        return concat(new byte[] {0x30}, derLength(body.length), body);
    }

    /**
     * SEC1 EC key bytes inside a PKCS#8 structure: the curve comes from the key's own {@code parameters} field
     * (RFC 5915), which OpenSSL always writes.
     */
    private static byte[] wrapEc(byte[] sec1, String origin) {
        byte[] curve = sec1Curve(sec1);
        if (curve == null) {
            throw new TlsConfigException(origin + ": the EC PRIVATE KEY does not name its curve");
        }
        byte[] algorithm = concat(new byte[] {0x30}, derLength(EC_PUBLIC_KEY.length + curve.length), EC_PUBLIC_KEY, curve);
        byte[] octets = concat(new byte[] {0x04}, derLength(sec1.length), sec1);
        byte[] body = concat(new byte[] {0x02, 0x01, 0x00}, algorithm, octets);
        return concat(new byte[] {0x30}, derLength(body.length), body);
    }

    /** The curve OID element (tag, length, value) inside the SEC1 key's {@code [0]} field, or null. */
    private static byte[] sec1Curve(byte[] der) {
        int[] at = {0};
        if (der.length < 2 || der[0] != 0x30) {
            return null;
        }
        at[0] = 1;
        readLength(der, at);
        while (at[0] < der.length) {
            int tag = der[at[0]++] & 0xff;
            int length = readLength(der, at);
            if (length < 0 || at[0] + length > der.length) {
                return null;
            }
            if (tag == 0xa0 && length > 2 && der[at[0]] == 0x06) {
                byte[] oid = new byte[length];
                System.arraycopy(der, at[0], oid, 0, length);
                return oid;
            }
            at[0] += length;
        }
        return null;
    }

    private static int readLength(byte[] der, int[] at) {
        if (at[0] >= der.length) {
            return -1;
        }
        int first = der[at[0]++] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int n = first & 0x7f;
        int length = 0;
        for (int i = 0; i < n && at[0] < der.length; i++) {
            length = (length << 8) | (der[at[0]++] & 0xff);
        }
        return length;
    }

    private static byte[] derLength(int length) {
        if (length < 0x80) {
            return new byte[] {(byte) length};
        }
        if (length < 0x100) {
            return new byte[] {(byte) 0x81, (byte) length};
        }
        if (length < 0x10000) {
            return new byte[] {(byte) 0x82, (byte) (length >> 8), (byte) length};
        }
        return new byte[] {(byte) 0x83, (byte) (length >> 16), (byte) (length >> 8), (byte) length};
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
