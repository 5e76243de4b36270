package io.gwctl.translate.envoy.gateway;

import com.google.protobuf.BoolValue;
import io.envoyproxy.envoy.config.core.v3.DataSource;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CertificateValidationContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CommonTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.SdsSecretConfig;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.TlsParameters;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettingsTLSProtocol;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettingsTLSmode;
import io.gwctl.translate.envoy.SdsSecretConfigs;
import io.gwctl.validate.rules.names.CipherSuites;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code DownstreamTlsContext} of a gateway server that terminates TLS, as pilot builds it
 * ({@code buildGatewayListenerTLSContext}, istio/istio pilot/pkg/networking/core/gateway.go;
 * {@code BuildListenerTLSContext}, {@code applyServerTLSSettings}, pilot/pkg/networking/core/listener.go;
 * {@code ApplyToCommonTLSContext}, {@code ApplyCredentialSDSToServerCommonTLSContext},
 * pilot/pkg/security/model/authentication.go):
 * <ul>
 * <li>ALPN {@code h2,http/1.1}, also on TLS servers proxied as TCP, except an {@code ISTIO_MUTUAL} one, which
 * offers {@code istio-peer-exchange} first;</li>
 * <li>{@code require_client_certificate} always written: true for {@code MUTUAL} and {@code ISTIO_MUTUAL}, false
 * otherwise ({@code OPTIONAL_MUTUAL} validates a certificate the client chooses to send);</li>
 * <li>{@code ISTIO_MUTUAL}: the mesh certificate {@code default} and root {@code ROOTCA} from the agent,
 * validation with the server's subject alt names and CRL;</li>
 * <li>{@code credentialName(s)}: certificates from istiod ({@code kubernetes://<name>}); for {@code MUTUAL} and
 * {@code OPTIONAL_MUTUAL} a combined validation context whose default carries the subject alt names, SPKI and
 * certificate hashes and whose CA is {@code <first name>-cacert} (or {@code caCertCredentialName}); for
 * {@code SIMPLE} a plain validation context only when subject alt names are given;</li>
 * <li>otherwise mounted files from the agent: {@code file-cert:<cert>~<key>} per certificate (the mesh
 * certificate when a path is missing) and, when validating clients, the CA {@code file-root:<ca>} (the mesh root
 * without one) with the subject alt names and CRL;</li>
 * <li>for {@code SIMPLE}, {@code MUTUAL} and {@code OPTIONAL_MUTUAL}, {@code tls_params} only from the server's
 * {@code minProtocolVersion}, {@code maxProtocolVersion} and valid cipher suites: the mesh has no
 * {@code tlsDefaults} by default ({@code applyDownstreamTLSDefaults}), so there is no default minimum version and
 * no ECDH curves, and Envoy's own defaults apply.</li>
 * </ul>
 */
final class ServerTlsContext {

    private static final List<String> ALPN_HTTP = List.of("h2", "http/1.1");
    private static final List<String> ALPN_PEER_EXCHANGE = List.of("istio-peer-exchange", "h2", "http/1.1");
    private static final String KUBERNETES = "kubernetes://";
    private static final String BUILTIN = "builtin://";
    private static final String EXTERNAL_SDS = "sds://";
    private static final List<String> TYPED_PREFIXES = List.of(KUBERNETES, "kubernetes-gateway://", "configmap://");
    private static final String CA_SUFFIX = "-cacert";

    /** The mounted files of one server certificate; a path may be missing. */
    private record KeyPair(String certificate, String key) {
    }

    private ServerTlsContext() {
    }

    /**
     * @param tls       the server's TLS settings
     * @param tcpServer whether the server is a {@code TLS} server proxied as TCP (not {@code HTTPS})
     * @param names     receives every SDS name the context refers to
     */
    static DownstreamTlsContext of(ServerTLSSettings tls, boolean tcpServer, Set<String> names) {
        ServerTLSSettingsTLSmode mode = tls.getMode();
        boolean istioMutual = mode == ServerTLSSettingsTLSmode.ISTIO_MUTUAL;
        boolean required = istioMutual || mode == ServerTLSSettingsTLSmode.MUTUAL;
        boolean validateClient = required || mode == ServerTLSSettingsTLSmode.OPTIONAL_MUTUAL;
        CommonTlsContext.Builder common = CommonTlsContext.newBuilder()
                .addAllAlpnProtocols(tcpServer && istioMutual ? ALPN_PEER_EXCHANGE : ALPN_HTTP);
        if (istioMutual) {
            fromFiles(common, List.of(new KeyPair("", "")), "", tls, validateClient, names);
        } else if (!list(tls.getCredentialNames()).isEmpty() || present(tls.getCredentialName())) {
            fromCredentials(common, tls, names);
        } else {
            List<KeyPair> certificates = list(tls.getTlsCertificates()).isEmpty()
                    ? List.of(new KeyPair(tls.getServerCertificate(), tls.getPrivateKey()))
                    : list(tls.getTlsCertificates()).stream()
                            .map(c -> new KeyPair(c.getServerCertificate(), c.getPrivateKey())).toList();
            fromFiles(common, certificates, text(tls.getCaCertificates()), tls, validateClient, names);
        }
        if (mode == ServerTLSSettingsTLSmode.SIMPLE || mode == ServerTLSSettingsTLSmode.MUTUAL
                || mode == ServerTLSSettingsTLSmode.OPTIONAL_MUTUAL) {
            tlsParameters(tls).ifPresent(common::setTlsParams);
        }
        return DownstreamTlsContext.newBuilder().setCommonTlsContext(common)
                .setRequireClientCertificate(BoolValue.of(required)).build();
    }

    /** Certificates and CA the agent reads from mounted files, or the mesh's own where no path is given. */
    private static void fromFiles(CommonTlsContext.Builder common, List<KeyPair> certificates,
            String ca, ServerTLSSettings tls, boolean validateClient, Set<String> names) {
        for (KeyPair c : certificates) {
            String name = present(c.certificate()) && present(c.key())
                    ? SdsSecretConfigs.fileCertificate(c.certificate(), c.key())
                    : SdsSecretConfigs.WORKLOAD_CERTIFICATE;
            common.addTlsCertificateSdsSecretConfigs(SdsSecretConfigs.fromAgent(name));
            names.add(name);
        }
        if (!validateClient) {
            return;
        }
        CertificateValidationContext.Builder validation = CertificateValidationContext.newBuilder()
                .addAllMatchSubjectAltNames(exact(tls.getSubjectAltNames()));
        if (present(tls.getCaCrl())) {
            validation.setCrl(DataSource.newBuilder().setFilename(tls.getCaCrl()));
        }
        String root = ca.isEmpty() ? SdsSecretConfigs.ROOT_CA : SdsSecretConfigs.fileRoot(ca);
        common.getCombinedValidationContextBuilder().setDefaultValidationContext(validation)
                .setValidationContextSdsSecretConfig(SdsSecretConfigs.fromAgent(root));
        names.add(root);
    }

    /** Certificates and CA that istiod serves from Kubernetes Secrets. */
    private static void fromCredentials(CommonTlsContext.Builder common, ServerTLSSettings tls, Set<String> names) {
        List<String> credentials = list(tls.getCredentialNames()).isEmpty()
                ? List.of(tls.getCredentialName()) : list(tls.getCredentialNames());
        for (String credential : credentials) {
            credential(credential, names).ifPresent(common::addTlsCertificateSdsSecretConfigs);
        }
        String ca = present(tls.getCaCertCredentialName()) ? tls.getCaCertCredentialName()
                : credentials.get(0) + CA_SUFFIX;
        ServerTLSSettingsTLSmode mode = tls.getMode();
        if (mode == ServerTLSSettingsTLSmode.MUTUAL || mode == ServerTLSSettingsTLSmode.OPTIONAL_MUTUAL) {
            CertificateValidationContext.Builder validation = CertificateValidationContext.newBuilder()
                    .addAllMatchSubjectAltNames(exact(tls.getSubjectAltNames()))
                    .addAllVerifyCertificateSpki(list(tls.getVerifyCertificateSpki()))
                    .addAllVerifyCertificateHash(list(tls.getVerifyCertificateHash()));
            CommonTlsContext.CombinedCertificateValidationContext.Builder combined = common
                    .getCombinedValidationContextBuilder().setDefaultValidationContext(validation);
            credential(ca, names).ifPresent(combined::setValidationContextSdsSecretConfig);
        } else if (!list(tls.getSubjectAltNames()).isEmpty()) {
            common.setValidationContext(CertificateValidationContext.newBuilder()
                    .addAllMatchSubjectAltNames(exact(tls.getSubjectAltNames())));
        }
    }

    /**
     * The SDS reference of a credential name ({@code ConstructSdsSecretConfigForCredential} with
     * {@code credentials.ToResourceName}, pilot/pkg/model/credentials/resource.go): {@code builtin://} is the mesh
     * certificate (and {@code builtin://-cacert} the mesh root) from the agent; {@code sds://<name>} falls back to
     * {@code <name>} as no external SDS provider is configured; names with a type prefix are kept, others become
     * {@code kubernetes://<name>}.
     */
    private static Optional<SdsSecretConfig.Builder> credential(String name, Set<String> names) {
        if (!present(name)) {
            return Optional.empty();
        }
        if (name.equals(BUILTIN) || name.equals(BUILTIN + CA_SUFFIX)) {
            String agent = name.equals(BUILTIN) ? SdsSecretConfigs.WORKLOAD_CERTIFICATE : SdsSecretConfigs.ROOT_CA;
            names.add(agent);
            return Optional.of(SdsSecretConfigs.fromAgent(agent));
        }
        String credential = name.startsWith(EXTERNAL_SDS) ? name.substring(EXTERNAL_SDS.length()) : name;
        String resource;
        if (credential.startsWith(BUILTIN)) {
            resource = SdsSecretConfigs.WORKLOAD_CERTIFICATE;
        } else if (TYPED_PREFIXES.stream().anyMatch(credential::startsWith)) {
            resource = credential;
        } else {
            resource = KUBERNETES + credential;
        }
        names.add(resource);
        return Optional.of(SdsSecretConfigs.fromIstiod(resource));
    }

    /**
     * The server's protocol versions and cipher suites, invalid and repeated suites dropped as Istio does so that
     * Envoy does not reject the listener; empty when the server sets none.
     */
    private static Optional<TlsParameters> tlsParameters(ServerTLSSettings tls) {
        TlsParameters.Builder params = TlsParameters.newBuilder();
        boolean set = false;
        if (tls.getMinProtocolVersion() != null && tls.getMinProtocolVersion() != ServerTLSSettingsTLSProtocol.TLS_AUTO) {
            params.setTlsMinimumProtocolVersion(protocol(tls.getMinProtocolVersion()));
            set = true;
        }
        List<String> ciphers = CipherSuites.filter(list(tls.getCipherSuites()));
        if (!ciphers.isEmpty()) {
            params.addAllCipherSuites(ciphers);
            set = true;
        }
        if (tls.getMaxProtocolVersion() != null && tls.getMaxProtocolVersion() != ServerTLSSettingsTLSProtocol.TLS_AUTO) {
            params.setTlsMaximumProtocolVersion(protocol(tls.getMaxProtocolVersion()));
            set = true;
        }
        return set ? Optional.of(params.build()) : Optional.empty();
    }

    /** Istio's protocol enum maps one to one onto Envoy's ({@code convertTLSProtocol}). */
    private static TlsParameters.TlsProtocol protocol(ServerTLSSettingsTLSProtocol p) {
        return switch (p) {
            case TLS_AUTO -> TlsParameters.TlsProtocol.TLS_AUTO;
            case TLSV1_0 -> TlsParameters.TlsProtocol.TLSv1_0;
            case TLSV1_1 -> TlsParameters.TlsProtocol.TLSv1_1;
            case TLSV1_2 -> TlsParameters.TlsProtocol.TLSv1_2;
            case TLSV1_3 -> TlsParameters.TlsProtocol.TLSv1_3;
        };
    }

    private static List<StringMatcher> exact(List<String> names) {
        return list(names).stream().map(n -> StringMatcher.newBuilder().setExact(n).build()).toList();
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }

    private static boolean present(String s) {
        return s != null && !s.isEmpty();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
