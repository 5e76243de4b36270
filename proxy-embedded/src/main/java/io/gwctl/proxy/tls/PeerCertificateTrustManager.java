package io.gwctl.proxy.tls;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Decides on a client certificate during the handshake, so a refused client sees the handshake fail as it does
 * with Envoy (envoyproxy/envoy {@code source/common/tls/cert_validator/default_validator.cc}): the chain must
 * lead to one of the trusted CAs (PKIX, expiry included) when the validation context has any, then pass the
 * {@link PeerCertificateRules}.
 */
final class PeerCertificateTrustManager extends X509ExtendedTrustManager {

    private final X509TrustManager chain;
    private final X509Certificate[] authorities;
    private final PeerCertificateRules rules;

    /**
     * @param authorities the trusted CAs; empty when the context only pins certificates
     */
    PeerCertificateTrustManager(List<X509Certificate> authorities, PeerCertificateRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.authorities = authorities.toArray(X509Certificate[]::new);
        this.chain = authorities.isEmpty() ? null : pkix(authorities);
    }

    static X509TrustManager pkix(List<X509Certificate> authorities) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < authorities.size(); i++) {
                store.setCertificateEntry("ca-" + i, authorities.get(i));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(store);
            for (TrustManager tm : factory.getTrustManagers()) {
                if (tm instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("the PKIX trust manager factory made no X.509 trust manager");
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new TlsConfigException("cannot use the trusted CA certificates (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] peer, String authType) throws CertificateException {
        if (chain != null) {
            chain.checkClientTrusted(peer, authType);
        } else {
            peer[0].checkValidity();
        }
        String failure = rules.failure(peer[0]);
        if (failure != null) {
            throw new CertificateException(failure);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] peer, String authType, Socket socket) throws CertificateException {
        checkClientTrusted(peer, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] peer, String authType, SSLEngine engine)
            throws CertificateException {
        checkClientTrusted(peer, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] peer, String authType) throws CertificateException {
        throw new CertificateException("a downstream context checks clients only");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] peer, String authType, Socket socket) throws CertificateException {
        checkServerTrusted(peer, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] peer, String authType, SSLEngine engine)
            throws CertificateException {
        checkServerTrusted(peer, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return authorities.clone();
    }
}
