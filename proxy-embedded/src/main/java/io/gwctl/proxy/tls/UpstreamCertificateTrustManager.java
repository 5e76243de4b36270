package io.gwctl.proxy.tls;

import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CertificateValidationContext;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Decides on an upstream's certificate during the handshake, as Envoy's default validator does for a cluster
 * (envoyproxy/envoy {@code source/common/tls/cert_validator/default_validator.cc}): the chain must lead to one
 * of the trusted CAs, then pass the {@link PeerCertificateRules} of the validation context; with
 * {@code auto_san_validation} and no subject alt name matcher of its own, a DNS SAN must match the SNI the
 * connection was opened with (the request's host, {@code source/common/router/router.cc}).
 */
final class UpstreamCertificateTrustManager extends X509ExtendedTrustManager {

    private final X509TrustManager chain;
    private final X509Certificate[] authorities;
    private final PeerCertificateRules rules;
    private final boolean autoSan;

    UpstreamCertificateTrustManager(List<X509Certificate> authorities, PeerCertificateRules rules, boolean autoSan) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.authorities = authorities.toArray(X509Certificate[]::new);
        this.chain = PeerCertificateTrustManager.pkix(authorities);
        this.autoSan = autoSan && !rules.any();
    }

    private void check(X509Certificate[] peer, String authType, String sni) throws CertificateException {
        chain.checkServerTrusted(peer, authType);
        String failure = rules.failure(peer[0]);
        if (failure == null && autoSan && sni != null) {
            failure = new PeerCertificateRules(CertificateValidationContext.newBuilder()
                    .addMatchSubjectAltNames(StringMatcher.newBuilder().setExact(sni)).build()).failure(peer[0]);
        }
        if (failure != null) {
            throw new CertificateException(failure);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] peer, String authType) throws CertificateException {
        check(peer, authType, null);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] peer, String authType, Socket socket) throws CertificateException {
        check(peer, authType, null);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] peer, String authType, SSLEngine engine)
            throws CertificateException {
        check(peer, authType, engine == null ? null : engine.getPeerHost());
    }

    @Override
    public void checkClientTrusted(X509Certificate[] peer, String authType) throws CertificateException {
        throw new CertificateException("an upstream context checks servers only");
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
    public X509Certificate[] getAcceptedIssuers() {
        return authorities.clone();
    }
}
