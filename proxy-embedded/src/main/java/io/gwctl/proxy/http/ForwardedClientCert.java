package io.gwctl.proxy.http;

import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.gwctl.proxy.tls.TlsSession;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import javax.security.auth.x500.X500Principal;

/**
 * The {@code x-forwarded-client-cert} header as the connection manager's {@code forward_client_cert_details}
 * says (envoyproxy/envoy {@code source/common/http/conn_manager_utility.cc}, {@code mutateXfccRequestHeader}):
 * kept as sent for {@code ALWAYS_FORWARD_ONLY}; removed for {@code SANITIZE} and whenever the client presented
 * no certificate; kept for {@code FORWARD_ONLY}; else the client's details replace it ({@code SANITIZE_SET}) or
 * are appended ({@code APPEND_FORWARD}): {@code By=} the served certificate's URI SANs, {@code Hash=} the hex
 * SHA-256 of the client's certificate, then as {@code set_current_client_cert_details} asks {@code Cert="..."}
 * (URL-encoded PEM), {@code Subject="..."} (RFC 2253), {@code URI=} each URI SAN (empty when none) and
 * {@code DNS=} each DNS SAN, separated by {@code ;}.
 */
final class ForwardedClientCert {

    static final String HEADER = "x-forwarded-client-cert";
    private static final int DNS = 2;
    private static final int URI = 6;

    private ForwardedClientCert() {
    }

    static void apply(HttpHeaders headers, HttpConnectionManager cm, TlsSession tls) {
        HttpConnectionManager.ForwardClientCertDetails mode = cm.getForwardClientCertDetails();
        if (mode == HttpConnectionManager.ForwardClientCertDetails.ALWAYS_FORWARD_ONLY) {
            return;
        }
        if (mode == HttpConnectionManager.ForwardClientCertDetails.SANITIZE || tls == null || tls.peer() == null) {
            headers.remove(HEADER);
            return;
        }
        if (mode == HttpConnectionManager.ForwardClientCertDetails.FORWARD_ONLY) {
            return;
        }
        String details = String.join(";", details(cm.getSetCurrentClientCertDetails(), tls));
        if (mode == HttpConnectionManager.ForwardClientCertDetails.APPEND_FORWARD && headers.contains(HEADER)) {
            headers.set(HEADER, headers.get(HEADER) + "," + details);
        } else {
            headers.set(HEADER, details);
        }
    }

    private static List<String> details(HttpConnectionManager.SetCurrentClientCertDetails set, TlsSession tls) {
        X509Certificate peer = tls.peer();
        List<String> out = new ArrayList<>();
        if (tls.local() != null) {
            sans(tls.local(), URI).forEach(uri -> out.add("By=" + uri));
        }
        out.add("Hash=" + hash(peer));
        if (set.getCert()) {
            out.add("Cert=\"" + urlEncode(pem(peer)) + "\"");
        }
        if (set.hasSubject() && set.getSubject().getValue()) {
            out.add("Subject=\"" + peer.getSubjectX500Principal().getName(X500Principal.RFC2253) + "\"");
        }
        if (set.getUri()) {
            List<String> uris = sans(peer, URI);
            if (uris.isEmpty()) {
                out.add("URI=");
            }
            uris.forEach(uri -> out.add("URI=" + uri));
        }
        if (set.getDns()) {
            sans(peer, DNS).forEach(dns -> out.add("DNS=" + dns));
        }
        return out;
    }

    private static List<String> sans(X509Certificate certificate, int type) {
        List<String> out = new ArrayList<>();
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names != null) {
                for (List<?> name : names) {
                    if ((Integer) name.get(0) == type && name.get(1) instanceof String value) {
                        out.add(value);
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // No readable SANs: none to report.
        }
        return out;
    }

    private static String hash(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            return "";
        }
    }

    private static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            return "";
        }
    }

    /** Percent-encodes all but RFC 3986's unreserved characters, as Envoy encodes the PEM. */
    private static String urlEncode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
            }
        }
        return out.toString();
    }
}
