package io.gwctl.proxy.tls;

import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CertificateValidationContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CommonTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.TlsCertificate;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.TlsParameters;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLException;

/**
 * A filter chain's {@code DownstreamTlsContext} ready to terminate connections: the {@link SslContext} is built
 * once, when the config is compiled (never per connection nor on an event loop), from the certificate and key,
 * the ALPN protocols, the TLS parameters and the client certificate validation, with Envoy's server defaults
 * where the config says nothing (envoyproxy/envoy {@code source/common/tls/server_context_config_impl.cc} and
 * {@code source/common/tls/context_config_impl.cc}): TLS 1.2 to 1.3, and the default server cipher list for
 * TLS 1.2. A client certificate is requested whenever a validation context is configured and required with
 * {@code require_client_certificate}, as in {@code source/common/tls/server_context_impl.cc}.
 */
public final class ServerTls {

    /** Envoy's default server cipher suites for TLS 1.2 and below (TLS 1.3 suites are not configurable). */
    static final List<String> DEFAULT_CIPHERS = List.of("ECDHE-ECDSA-AES128-GCM-SHA256",
            "ECDHE-ECDSA-CHACHA20-POLY1305", "ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-RSA-CHACHA20-POLY1305",
            "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-RSA-AES256-GCM-SHA384");
    /** The same suites by their IANA names, for the JDK provider. */
    private static final Map<String, String> IANA = Map.of(
            "ECDHE-ECDSA-AES128-GCM-SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "ECDHE-ECDSA-CHACHA20-POLY1305", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "ECDHE-RSA-AES128-GCM-SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "ECDHE-RSA-CHACHA20-POLY1305", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
            "ECDHE-ECDSA-AES256-GCM-SHA384", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "ECDHE-RSA-AES256-GCM-SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
    private static final List<String> TLS13_CIPHERS = List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256");

    private final SslContext context;
    private final long handshakeTimeoutMillis;

    private ServerTls(SslContext context, long handshakeTimeoutMillis) {
        this.context = context;
        this.handshakeTimeoutMillis = handshakeTimeoutMillis;
    }

    /**
     * Builds the context of {@code tls}.
     *
     * @param handshakeTimeoutMillis the chain's {@code transport_socket_connect_timeout}; 0 for none
     * @throws TlsConfigException when a certificate, key or CA cannot be read or used
     */
    public static ServerTls compile(DownstreamTlsContext tls, SecretSource secrets, long handshakeTimeoutMillis) {
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(secrets, "secrets");
        CommonTlsContext common = tls.getCommonTlsContext();
        TlsCertificate certificate;
        String origin;
        if (common.getTlsCertificatesCount() > 0) {
            certificate = common.getTlsCertificates(0);
            origin = null;
        } else if (common.getTlsCertificateSdsSecretConfigsCount() > 0) {
            origin = common.getTlsCertificateSdsSecretConfigs(0).getName();
            certificate = secrets.certificate(origin);
        } else {
            throw new TlsConfigException("the TLS context has no certificate");
        }
        String where = origin == null ? "" : "SDS " + origin + ": ";
        String chainOrigin = where + "certificate " + SecretSource.origin(certificate.getCertificateChain());
        String keyOrigin = where + "private key " + SecretSource.origin(certificate.getPrivateKey());
        List<X509Certificate> chain = Pem.certificates(secrets.text(certificate.getCertificateChain(), chainOrigin),
                chainOrigin);
        PrivateKey key = Pem.privateKey(secrets.text(certificate.getPrivateKey(), keyOrigin), keyOrigin);
        Pem.checkPair(key, chain.get(0), keyOrigin);

        SslProvider provider = TlsProvider.provider();
        SslContextBuilder builder = SslContextBuilder.forServer(key, chain).sslProvider(provider);
        TlsParameters params = common.getTlsParams();
        builder.protocols(TlsVersions.of(params, TlsVersions.TLS_1_3));
        builder.ciphers(ciphers(params, provider));
        if (common.getAlpnProtocolsCount() > 0) {
            builder.applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                    ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                    ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, common.getAlpnProtocolsList()));
        }
        CertificateValidationContext validation = validation(common, secrets);
        boolean require = tls.hasRequireClientCertificate() && tls.getRequireClientCertificate().getValue();
        if (validation != null) {
            List<X509Certificate> authorities = List.of();
            if (validation.hasTrustedCa()) {
                String caOrigin = validationOrigin(common) + "trusted CA "
                        + SecretSource.origin(validation.getTrustedCa());
                authorities = Pem.certificates(secrets.text(validation.getTrustedCa(), caOrigin), caOrigin);
            }
            PeerCertificateRules rules = new PeerCertificateRules(validation);
            if (authorities.isEmpty() && !rules.any()) {
                throw new TlsConfigException("the validation context has neither a trusted CA nor a certificate pin");
            }
            builder.trustManager(new PeerCertificateTrustManager(authorities, rules));
            builder.clientAuth(require ? ClientAuth.REQUIRE : ClientAuth.OPTIONAL);
        } else if (require) {
            throw new TlsConfigException("require_client_certificate without a validation context to check it with");
        }
        try {
            return new ServerTls(builder.build(), handshakeTimeoutMillis);
        } catch (SSLException | IllegalArgumentException e) {
            throw new TlsConfigException("cannot build the TLS context (" + e.getMessage() + ")", e);
        }
    }

    /** A handler terminating one connection, with the chain's handshake deadline. */
    public SslHandler newHandler(ByteBufAllocator alloc) {
        SslHandler handler = context.newHandler(alloc);
        handler.setHandshakeTimeoutMillis(handshakeTimeoutMillis);
        return handler;
    }

    /**
     * The context's validation context: written in it, named over SDS, or both combined (the SDS one merged into
     * the default one, as {@code combined_validation_context} is defined).
     */
    static CertificateValidationContext validation(CommonTlsContext common, SecretSource secrets) {
        return switch (common.getValidationContextTypeCase()) {
            case VALIDATION_CONTEXT -> common.getValidationContext();
            case VALIDATION_CONTEXT_SDS_SECRET_CONFIG ->
                    secrets.validation(common.getValidationContextSdsSecretConfig().getName());
            case COMBINED_VALIDATION_CONTEXT -> {
                var combined = common.getCombinedValidationContext();
                CertificateValidationContext.Builder merged = combined.getDefaultValidationContext().toBuilder();
                if (combined.hasValidationContextSdsSecretConfig()) {
                    merged.mergeFrom(secrets.validation(combined.getValidationContextSdsSecretConfig().getName()));
                }
                yield merged.build();
            }
            default -> null;
        };
    }

    static String validationOrigin(CommonTlsContext common) {
        String name = switch (common.getValidationContextTypeCase()) {
            case VALIDATION_CONTEXT_SDS_SECRET_CONFIG -> common.getValidationContextSdsSecretConfig().getName();
            case COMBINED_VALIDATION_CONTEXT ->
                    common.getCombinedValidationContext().getValidationContextSdsSecretConfig().getName();
            default -> "";
        };
        return name.isEmpty() ? "" : "SDS " + name + ": ";
    }

    /**
     * The cipher suites: {@code cipher_suites} when given (BoringSSL names; an equal-preference group
     * {@code [A|B]} counts as its members in order), else Envoy's defaults; the TLS 1.3 suites stay enabled,
     * as BoringSSL does not let them be configured.
     */
    private static List<String> ciphers(TlsParameters params, SslProvider provider) {
        List<String> names = new ArrayList<>();
        List<String> configured = params.getCipherSuitesCount() > 0 ? params.getCipherSuitesList() : DEFAULT_CIPHERS;
        for (String entry : configured) {
            for (String name : entry.replace("[", "").replace("]", "").split("\\|")) {
                if (!name.isBlank()) {
                    names.add(provider == SslProvider.JDK ? IANA.getOrDefault(name.trim(), name.trim()) : name.trim());
                }
            }
        }
        names.addAll(TLS13_CIPHERS);
        return names;
    }
}
