package io.gwctl.translate.envoy.cluster;

import com.google.protobuf.Any;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.DataSource;
import io.envoyproxy.envoy.config.core.v3.TransportSocket;
import io.envoyproxy.envoy.config.core.v3.UpstreamHttpProtocolOptions;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CertificateValidationContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CommonTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.TlsParameters;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext;
import io.envoyproxy.envoy.extensions.upstreams.http.v3.HttpProtocolOptions;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import io.fabric8.istio.api.api.networking.v1alpha3.ClientTLSSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.ClientTLSSettingsTLSmode;
import io.gwctl.translate.envoy.SdsSecretConfigs;

/**
 * A DestinationRule's SIMPLE or MUTUAL {@code tls} as the cluster's {@code envoy.transport_sockets.tls}
 * transport socket, as pilot's {@code constructUpstreamTLS} and {@code ApplyCustomSDSToClientCommonTLSContext}
 * build it: TLS 1.2 to 1.3, the rule's SNI, {@code h2} ALPN on HTTP/2 clusters;
 * <ul>
 * <li>with {@code credentialName}: the client certificate (MUTUAL) from SDS over ADS as
 * {@code kubernetes://<name>}, and validation by {@code kubernetes://<name>-cacert} with the rule's subject alt
 * names;</li>
 * <li>with files: the client certificate as SDS resource {@code file-cert:<cert>~<key>} and the CA as
 * {@code file-root:<ca>} from the agent's {@code sds-grpc} cluster, the CRL as a file; without a CA, or with
 * insecureSkipVerify, an empty validation context.</li>
 * </ul>
 * Without an SNI the upstream gets auto SNI, and without subject alt names (and verification on) auto SAN
 * validation ({@code setAutoSniAndAutoSanValidation}). DISABLE adds nothing; ISTIO_MUTUAL and automatic mutual
 * TLS to mesh workloads need the mesh's identity and are not built here.
 */
final class UpstreamTls {

    static final String TRANSPORT_SOCKET = "envoy.transport_sockets.tls";

    private UpstreamTls() {
    }

    static HttpProtocolOptions.Builder apply(Cluster.Builder c, ClientTLSSettings tls, HttpProtocolOptions.Builder http) {
        if (tls == null || (tls.getMode() != ClientTLSSettingsTLSmode.SIMPLE && tls.getMode() != ClientTLSSettingsTLSmode.MUTUAL)) {
            return http;
        }
        boolean mutual = tls.getMode() == ClientTLSSettingsTLSmode.MUTUAL;
        boolean insecure = Boolean.TRUE.equals(tls.getInsecureSkipVerify());
        String sni = tls.getSni() == null ? "" : tls.getSni();
        boolean hasSans = tls.getSubjectAltNames() != null && !tls.getSubjectAltNames().isEmpty();
        UpstreamTlsContext.Builder context = UpstreamTlsContext.newBuilder().setSni(sni);
        CommonTlsContext.Builder common = context.getCommonTlsContextBuilder()
                .setTlsParams(TlsParameters.newBuilder()
                        .setTlsMinimumProtocolVersion(TlsParameters.TlsProtocol.TLSv1_2)
                        .setTlsMaximumProtocolVersion(TlsParameters.TlsProtocol.TLSv1_3));
        if (sni.isEmpty()) {
            http = http == null ? HttpProtocolOptions.newBuilder() : http;
            UpstreamHttpProtocolOptions.Builder upstream = http.getUpstreamHttpProtocolOptionsBuilder().setAutoSni(true);
            if (!hasSans && !insecure) {
                upstream.setAutoSanValidation(true);
            }
        }
        CertificateValidationContext.Builder validation = CertificateValidationContext.newBuilder();
        if (hasSans) {
            tls.getSubjectAltNames().forEach(san -> validation.addMatchSubjectAltNames(StringMatcher.newBuilder().setExact(san)));
        }
        String credential = tls.getCredentialName();
        if (credential != null && !credential.isEmpty()) {
            if (mutual) {
                common.addTlsCertificateSdsSecretConfigs(SdsSecretConfigs.fromIstiod("kubernetes://" + credential));
            }
            common.getCombinedValidationContextBuilder()
                    .setDefaultValidationContext(validation)
                    .setValidationContextSdsSecretConfig(
                            SdsSecretConfigs.fromIstiod("kubernetes://" + credential + "-cacert"));
        } else {
            if (mutual && present(tls.getClientCertificate()) && present(tls.getPrivateKey())) {
                common.addTlsCertificateSdsSecretConfigs(SdsSecretConfigs.fromAgent(
                        SdsSecretConfigs.fileCertificate(tls.getClientCertificate(), tls.getPrivateKey())));
            }
            if (!present(tls.getCaCertificates()) || insecure) {
                common.setValidationContext(CertificateValidationContext.newBuilder());
            } else {
                if (present(tls.getCaCrl())) {
                    validation.setCrl(DataSource.newBuilder().setFilename(tls.getCaCrl()));
                }
                common.getCombinedValidationContextBuilder()
                        .setDefaultValidationContext(validation)
                        .setValidationContextSdsSecretConfig(
                                SdsSecretConfigs.fromAgent(SdsSecretConfigs.fileRoot(tls.getCaCertificates())));
            }
        }
        if (ConnectionPools.isHttp2(http)) {
            common.addAlpnProtocols("h2");
        }
        c.setTransportSocket(TransportSocket.newBuilder().setName(TRANSPORT_SOCKET)
                .setTypedConfig(Any.pack(context.build())));
        return http;
    }

    private static boolean present(String s) {
        return s != null && !s.isEmpty();
    }
}
