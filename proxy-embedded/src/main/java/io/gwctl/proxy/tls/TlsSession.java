package io.gwctl.proxy.tls;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * What a terminated TLS connection tells the HTTP layer: the name the client asked for, the certificate it
 * presented (null when none) and the one the gateway served, for {@code x-forwarded-client-cert}.
 *
 * @param serverName the ClientHello's SNI, or null
 * @param peer       the client's leaf certificate, or null
 * @param local      the served leaf certificate, or null
 */
public record TlsSession(String serverName, X509Certificate peer, X509Certificate local) {

    /** The session of a completed handshake. */
    public static TlsSession of(String serverName, SSLSession session) {
        X509Certificate peer = null;
        try {
            Certificate[] chain = session.getPeerCertificates();
            if (chain.length > 0 && chain[0] instanceof X509Certificate x509) {
                peer = x509;
            }
        } catch (SSLPeerUnverifiedException e) {
            // The client sent no certificate.
        }
        Certificate[] local = session.getLocalCertificates();
        X509Certificate served = local != null && local.length > 0 && local[0] instanceof X509Certificate x509
                ? x509 : null;
        return new TlsSession(serverName, peer, served);
    }
}
