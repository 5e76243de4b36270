package io.gwctl.validate.analysis.gateway;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.List;

/**
 * Loads a PEM private key with {@code java.security}, in the three encodings TLS Secrets carry:
 * PKCS#8 ({@code PRIVATE KEY}), PKCS#1 RSA ({@code RSA PRIVATE KEY}) and SEC 1 EC
 * ({@code EC PRIVATE KEY}). The last two are wrapped into PKCS#8 (RFC 5208) for the JDK's key factories.
 */
final class PrivateKeys {

    /** rsaEncryption, 1.2.840.113549.1.1.1. */
    private static final byte[] RSA_OID =
            {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 1, 1, 1};
    /** id-ecPublicKey, 1.2.840.10045.2.1. */
    private static final byte[] EC_OID = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 2, 1};
    private static final byte[] NULL = {0x05, 0x00};
    private static final byte[] VERSION_0 = {0x02, 0x01, 0x00};
    private static final List<String> ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448");

    private PrivateKeys() {
    }

    /**
     * The key in {@code pem}.
     *
     * @throws GeneralSecurityException with a message for the user when it cannot be loaded
     */
    static PrivateKey load(Pem pem) throws GeneralSecurityException {
        if (pem.encrypted() || pem.type().equals("ENCRYPTED PRIVATE KEY")) {
            throw new GeneralSecurityException("the private key is encrypted");
        }
        return switch (pem.type()) {
            case "PRIVATE KEY" -> pkcs8(pem.der(), ALGORITHMS);
            case "RSA PRIVATE KEY" -> pkcs8(wrap(concat(RSA_OID, NULL), pem.der()), List.of("RSA"));
            case "EC PRIVATE KEY" -> pkcs8(wrap(concat(EC_OID, curveOf(pem.der())), pem.der()), List.of("EC"));
            default -> throw new GeneralSecurityException("the key's PEM block is \"" + pem.type()
                    + "\", not a private key");
        };
    }

    private static PrivateKey pkcs8(byte[] der, List<String> algorithms) throws GeneralSecurityException {
        for (String algorithm : algorithms) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException | RuntimeException e) {
                // not this algorithm (or not a key at all): try the next
            }
        }
        throw new GeneralSecurityException("the private key does not parse");
    }

    /** PrivateKeyInfo ::= SEQUENCE { version 0, AlgorithmIdentifier, OCTET STRING key }. */
    private static byte[] wrap(byte[] algorithmContent, byte[] key) {
        return tlv(0x30, concat(VERSION_0, tlv(0x30, algorithmContent), tlv(0x04, key)));
    }

    /**
     * The named-curve OID of a SEC 1 ECPrivateKey ::= SEQUENCE { version, privateKey OCTET STRING,
     * [0] parameters, [1] publicKey }, as its full TLV.
     */
    private static byte[] curveOf(byte[] sec1) throws GeneralSecurityException {
        Der outer = Der.read(sec1, 0);
        if (outer.tag != 0x30) {
            throw new GeneralSecurityException("the private key does not parse");
        }
        int at = outer.valueStart;
        while (at < outer.end()) {
            Der item = Der.read(sec1, at);
            if (item.tag == 0xa0) {
                Der oid = Der.read(sec1, item.valueStart);
                if (oid.tag == 0x06) {
                    return Arrays.copyOfRange(sec1, item.valueStart, oid.end());
                }
            }
            at = item.end();
        }
        throw new GeneralSecurityException("the EC private key names no curve");
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = value.length;
        if (n < 0x80) {
            out.write(n);
        } else {
            int bytes = n > 0xffffff ? 4 : n > 0xffff ? 3 : n > 0xff ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write((n >>> (8 * i)) & 0xff);
            }
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** One DER element: its tag, where its value starts, and its length. */
    private static final class Der {
        final int tag;
        final int valueStart;
        final int length;

        private Der(int tag, int valueStart, int length) {
            this.tag = tag;
            this.valueStart = valueStart;
            this.length = length;
        }

        int end() {
            return valueStart + length;
        }

        static Der read(byte[] der, int at) throws GeneralSecurityException {
            if (at + 2 > der.length) {
                throw new GeneralSecurityException("the private key does not parse");
            }
            int tag = der[at] & 0xff;
            int first = der[at + 1] & 0xff;
            int pos = at + 2;
            int length = first;
            if (first >= 0x80) {
                int bytes = first & 0x7f;
                if (bytes == 0 || bytes > 4 || pos + bytes > der.length) {
                    throw new GeneralSecurityException("the private key does not parse");
                }
                length = 0;
                for (int i = 0; i < bytes; i++) {
                    length = (length << 8) | (der[pos++] & 0xff);
                }
            }
            if (length < 0 || pos + length > der.length) {
                throw new GeneralSecurityException("the private key does not parse");
            }
            return new Der(tag, pos, length);
        }
    }
}
