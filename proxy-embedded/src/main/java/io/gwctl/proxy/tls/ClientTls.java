package io.gwctl.proxy.tls;

import com.google.protobuf.InvalidProtocolBufferException;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.UpstreamHttpProtocolOptions;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CertificateValidationContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CommonTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.TlsCertificate;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext;
import io.envoyproxy.envoy.extensions.upstreams.http.v3.HttpProtocolOptions;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.util.NetUtil;
import java.net.InetSocketAddress;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLException;

/**
 * A cluster's {@code envoy.transport_sockets.tls} {@code UpstreamTlsContext} ready to originate TLS: the
 * {@link SslContext} is built once, when the config is compiled (never per request nor on an event loop), as
 * Envoy's client context (envoyproxy/envoy {@code source/common/tls/client_context_impl.cc} and
 * {@code client_context_config_impl.cc}):
 * <ul>
 * <li>the SNI is the context's {@code sni}, else with {@code auto_sni} the request's host without its port (an
 * IP address is never sent as SNI);</li>
 * <li>the server certificate must chain to the trusted CA of the validation context (inline, a file, or an SDS
 * secret: {@code file-root:<ca>} read from the file, {@code kubernetes://<name>-cacert} from the snapshot) and
 * pass its subject alt name matchers, or with {@code auto_san_validation} match the SNI; a validation context
 * without a CA (Istio's {@code insecureSkipVerify}, or no CA given) verifies nothing, as Envoy's does;</li>
 * <li>the client certificate, for MUTUAL, is the first TLS certificate ({@code file-cert:<cert>~<key>} or a
 * {@code kubernetes://<name>} secret);</li>
 * <li>TLS 1.2 by default for both the minimum and the maximum version, and the context's ALPN protocols
 * ({@code h2} on HTTP/2 clusters).</li>
 * </ul>
 * BoringSSL (netty-tcnative) is used when it loads, else the JDK's TLS ({@link TlsProvider}).
 */
public final class ClientTls {

    private static final String TRANSPORT_SOCKET = "envoy.transport_sockets.tls";
    private static final String HTTP_PROTOCOL_OPTIONS = "envoy.extensions.upstreams.http.v3.HttpProtocolOptions";

    private final SslContext context;
    private final String sni;
    private final boolean autoSni;

    private ClientTls(SslContext context, String sni, boolean autoSni) {
        this.context = context;
        this.sni = sni;
        this.autoSni = autoSni;
    }

    /**
     * The TLS origination of {@code cluster}, or null when its transport socket is plaintext.
     *
     * @throws TlsConfigException when a certificate, key or CA cannot be read or used
     */
    public static ClientTls compile(Cluster cluster, SecretSource secrets) {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(secrets, "secrets");
        if (!cluster.hasTransportSocket() || !(cluster.getTransportSocket().getName().equals(TRANSPORT_SOCKET)
                || cluster.getTransportSocket().getTypedConfig().is(UpstreamTlsContext.class))) {
            return null;
        }
        try {
            return build(cluster, cluster.getTransportSocket().getTypedConfig().unpack(UpstreamTlsContext.class),
                    secrets);
        } catch (InvalidProtocolBufferException e) {
            throw new TlsConfigException("cluster " + cluster.getName() + ": the TLS context does not parse", e);
        } catch (TlsConfigException e) {
            throw new TlsConfigException("cluster " + cluster.getName() + ": " + e.getMessage(), e);
        }
    }

    private static ClientTls build(Cluster cluster, UpstreamTlsContext tls, SecretSource secrets) {
        CommonTlsContext common = tls.getCommonTlsContext();
        UpstreamHttpProtocolOptions upstream = upstreamOptions(cluster);
        SslContextBuilder builder = SslContextBuilder.forClient().sslProvider(TlsProvider.provider());
        builder.protocols(TlsVersions.of(common.getTlsParams(), TlsVersions.TLS_1_2));
        TlsCertificate certificate = null;
        String where = "";
        if (common.getTlsCertificatesCount() > 0) {
            certificate = common.getTlsCertificates(0);
        } else if (common.getTlsCertificateSdsSecretConfigsCount() > 0) {
            String name = common.getTlsCertificateSdsSecretConfigs(0).getName();
            where = "SDS " + name + ": ";
            certificate = secrets.certificate(name);
        }
        if (certificate != null) {
            String chainOrigin = where + "client certificate " + SecretSource.origin(certificate.getCertificateChain());
            String keyOrigin = where + "client key " + SecretSource.origin(certificate.getPrivateKey());
            List<X509Certificate> chain = Pem.certificates(
                    secrets.text(certificate.getCertificateChain(), chainOrigin), chainOrigin);
            PrivateKey key = Pem.privateKey(secrets.text(certificate.getPrivateKey(), keyOrigin), keyOrigin);
            Pem.checkPair(key, chain.get(0), keyOrigin);
            builder.keyManager(key, chain);
        }
        CertificateValidationContext validation = ServerTls.validation(common, secrets);
        PeerCertificateRules rules = new PeerCertificateRules(validation == null
                ? CertificateValidationContext.getDefaultInstance() : validation);
        if (validation == null || !validation.hasTrustedCa()) {
            if (rules.any()) {
                throw new TlsConfigException("subject alt name or certificate pin checks need a trusted CA");
            }
            builder.trustManager(InsecureTrustManagerFactory.INSTANCE);
        } else {
            String caOrigin = ServerTls.validationOrigin(common) + "trusted CA "
                    + SecretSource.origin(validation.getTrustedCa());
            List<X509Certificate> authorities = Pem.certificates(secrets.text(validation.getTrustedCa(), caOrigin),
                    caOrigin);
            builder.trustManager(new UpstreamCertificateTrustManager(authorities, rules,
                    upstream.getAutoSanValidation()));
        }
        if (common.getAlpnProtocolsCount() > 0) {
            builder.applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                    ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                    ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, common.getAlpnProtocolsList()));
        }
        try {
            return new ClientTls(builder.build(), tls.getSni(), upstream.getAutoSni());
        } catch (SSLException | IllegalArgumentException e) {
            throw new TlsConfigException("cannot build the TLS context (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The SNI of a connection for a request to {@code authority} (its {@code Host}), or null for none: the
     * configured SNI, else with {@code auto_sni} the authority's host when it is a name.
     */
    public String sni(String authority) {
        if (!sni.isEmpty()) {
            return sni;
        }
        if (!autoSni || authority == null || authority.isEmpty()) {
            return null;
        }
        String host = authority;
        if (host.startsWith("[")) {
            return null;
        }
        int colon = host.lastIndexOf(':');
        if (colon > 0 && host.indexOf(':') == colon) {
            host = host.substring(0, colon);
        }
        return NetUtil.isValidIpV4Address(host) || NetUtil.isValidIpV6Address(host) ? null : host;
    }

    /** A handler originating TLS on one connection to {@code peer}, sending {@code serverName} as SNI. */
    public SslHandler newHandler(ByteBufAllocator alloc, String serverName, InetSocketAddress peer) {
        return serverName == null ? context.newHandler(alloc)
                : context.newHandler(alloc, serverName, peer.getPort());
    }

    /** The cluster's upstream HTTP options, where pilot puts {@code auto_sni} and {@code auto_san_validation}. */
    private static UpstreamHttpProtocolOptions upstreamOptions(Cluster cluster) {
        var options = cluster.getTypedExtensionProtocolOptionsMap().get(HTTP_PROTOCOL_OPTIONS);
        if (options != null) {
            try {
                HttpProtocolOptions http = options.unpack(HttpProtocolOptions.class);
                if (http.hasUpstreamHttpProtocolOptions()) {
                    return http.getUpstreamHttpProtocolOptions();
                }
            } catch (InvalidProtocolBufferException e) {
                return UpstreamHttpProtocolOptions.getDefaultInstance();
            }
        }
        return cluster.getUpstreamHttpProtocolOptions();
    }
}
