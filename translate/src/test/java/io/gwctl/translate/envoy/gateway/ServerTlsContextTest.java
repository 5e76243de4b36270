package io.gwctl.translate.envoy.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CertificateValidationContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CommonTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.SdsSecretConfig;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.TlsParameters;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettingsBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettingsTLSProtocol;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettingsTLSmode;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Gateway server TLS contexts as pilot renders them: {@code BuildListenerTLSContext} and
 * {@code applyServerTLSSettings} (istio/istio pilot/pkg/networking/core/listener.go), {@code ApplyToCommonTLSContext}
 * and {@code ApplyCredentialSDSToServerCommonTLSContext} (pilot/pkg/security/model/authentication.go).
 */
@Timeout(10)
class ServerTlsContextTest {

    private final Set<String> names = new LinkedHashSet<>();

    private DownstreamTlsContext http(ServerTLSSettings tls) {
        return ServerTlsContext.of(tls, false, names);
    }

    private static ServerTLSSettingsBuilder files(ServerTLSSettingsTLSmode mode) {
        return new ServerTLSSettingsBuilder().withMode(mode)
                .withServerCertificate("/etc/certs/tls.crt").withPrivateKey("/etc/certs/tls.key");
    }

    @Test
    void simpleServerReadsMountedFilesFromTheAgent() {
        DownstreamTlsContext ctx = http(files(ServerTLSSettingsTLSmode.SIMPLE).withCaCertificates("/etc/certs/ca.crt")
                .build());
        CommonTlsContext common = ctx.getCommonTlsContext();
        assertThat(common.getTlsCertificateSdsSecretConfigsList()).singleElement().satisfies(sds -> {
            assertThat(sds.getName()).isEqualTo("file-cert:/etc/certs/tls.crt~/etc/certs/tls.key");
            assertAgent(sds);
            assertThat(sds.getSdsConfig().hasInitialFetchTimeout()).isFalse();
        });
        assertThat(common.hasCombinedValidationContext() || common.hasValidationContext())
                .as("SIMPLE does not validate clients, even with a CA").isFalse();
        assertThat(ctx.hasRequireClientCertificate()).as("pilot always writes it").isTrue();
        assertThat(ctx.getRequireClientCertificate().getValue()).isFalse();
        assertThat(common.getAlpnProtocolsList()).containsExactly("h2", "http/1.1");
        assertThat(common.hasTlsParams()).as("no mesh tlsDefaults: no default minimum version, no curves").isFalse();
        assertThat(names).containsExactly("file-cert:/etc/certs/tls.crt~/etc/certs/tls.key");
    }

    @Test
    void mutualServerValidatesClientsWithTheMountedCa() {
        DownstreamTlsContext ctx = http(files(ServerTLSSettingsTLSmode.MUTUAL).withCaCertificates("/etc/certs/ca.crt")
                .withCaCrl("/etc/certs/ca.crl").withSubjectAltNames("spiffe://client").build());
        CommonTlsContext.CombinedCertificateValidationContext combined =
                ctx.getCommonTlsContext().getCombinedValidationContext();
        assertThat(combined.getDefaultValidationContext().getMatchSubjectAltNamesList())
                .containsExactly(StringMatcher.newBuilder().setExact("spiffe://client").build());
        assertThat(combined.getDefaultValidationContext().getCrl().getFilename()).isEqualTo("/etc/certs/ca.crl");
        assertThat(combined.getValidationContextSdsSecretConfig().getName()).isEqualTo("file-root:/etc/certs/ca.crt");
        assertAgent(combined.getValidationContextSdsSecretConfig());
        assertThat(ctx.getRequireClientCertificate().getValue()).isTrue();
        assertThat(names).containsExactly("file-cert:/etc/certs/tls.crt~/etc/certs/tls.key",
                "file-root:/etc/certs/ca.crt");
    }

    @Test
    void optionalMutualValidatesWithoutRequiringACertificate() {
        DownstreamTlsContext ctx = http(files(ServerTLSSettingsTLSmode.OPTIONAL_MUTUAL).build());
        assertThat(ctx.getRequireClientCertificate().getValue()).isFalse();
        assertThat(ctx.getCommonTlsContext().getCombinedValidationContext().getValidationContextSdsSecretConfig()
                .getName()).as("no CA file: the mesh root").isEqualTo("ROOTCA");
    }

    @Test
    void credentialMutualCombinesSansSpkiAndHashWithTheIstiodCa() {
        DownstreamTlsContext ctx = http(new ServerTLSSettingsBuilder().withMode(ServerTLSSettingsTLSmode.MUTUAL)
                .withCredentialName("cert").withSubjectAltNames("client.example.com")
                .withVerifyCertificateSpki("spki").withVerifyCertificateHash("hash").build());
        CommonTlsContext common = ctx.getCommonTlsContext();
        assertThat(common.getTlsCertificateSdsSecretConfigs(0).getName()).isEqualTo("kubernetes://cert");
        assertThat(common.getTlsCertificateSdsSecretConfigs(0).getSdsConfig().hasAds()).isTrue();
        CertificateValidationContext validation = common.getCombinedValidationContext().getDefaultValidationContext();
        assertThat(validation.getMatchSubjectAltNamesList()).extracting(StringMatcher::getExact)
                .containsExactly("client.example.com");
        assertThat(validation.getVerifyCertificateSpkiList()).containsExactly("spki");
        assertThat(validation.getVerifyCertificateHashList()).containsExactly("hash");
        assertThat(common.getCombinedValidationContext().getValidationContextSdsSecretConfig().getName())
                .isEqualTo("kubernetes://cert-cacert");
        assertThat(names).containsExactly("kubernetes://cert", "kubernetes://cert-cacert");
    }

    @Test
    void credentialNamesServeEveryCertificateAndTheFirstCa() {
        DownstreamTlsContext ctx = http(new ServerTLSSettingsBuilder().withMode(ServerTLSSettingsTLSmode.MUTUAL)
                .withCredentialNames("rsa", "ecdsa").build());
        assertThat(ctx.getCommonTlsContext().getTlsCertificateSdsSecretConfigsList()).extracting(SdsSecretConfig::getName)
                .containsExactly("kubernetes://rsa", "kubernetes://ecdsa");
        assertThat(names).containsExactly("kubernetes://rsa", "kubernetes://ecdsa", "kubernetes://rsa-cacert");
    }

    @Test
    void simpleCredentialWithSansHasAPlainValidationContext() {
        CommonTlsContext common = http(new ServerTLSSettingsBuilder().withMode(ServerTLSSettingsTLSmode.SIMPLE)
                .withCredentialName("cert").withSubjectAltNames("client.example.com").build()).getCommonTlsContext();
        assertThat(common.getValidationContext().getMatchSubjectAltNamesList()).extracting(StringMatcher::getExact)
                .containsExactly("client.example.com");
        assertThat(common.hasCombinedValidationContext()).isFalse();
    }

    @Test
    void istioMutualUsesTheMeshCertificateFromTheAgent() {
        DownstreamTlsContext ctx = http(new ServerTLSSettingsBuilder().withMode(ServerTLSSettingsTLSmode.ISTIO_MUTUAL)
                .withMinProtocolVersion(ServerTLSSettingsTLSProtocol.TLSV1_3).build());
        CommonTlsContext common = ctx.getCommonTlsContext();
        SdsSecretConfig certificate = common.getTlsCertificateSdsSecretConfigs(0);
        assertThat(certificate.getName()).isEqualTo("default");
        assertAgent(certificate);
        assertThat(certificate.getSdsConfig().getInitialFetchTimeout().getSeconds())
                .as("the agent's own certificates are waited for").isZero();
        assertThat(certificate.getSdsConfig().hasInitialFetchTimeout()).isTrue();
        assertThat(common.getCombinedValidationContext().getValidationContextSdsSecretConfig().getName())
                .isEqualTo("ROOTCA");
        assertThat(ctx.getRequireClientCertificate().getValue()).isTrue();
        assertThat(common.hasTlsParams()).as("server TLS parameters apply to SIMPLE and MUTUAL modes only").isFalse();
    }

    @Test
    void tlsParametersComeFromTheServerWithInvalidCiphersDropped() {
        TlsParameters params = http(files(ServerTLSSettingsTLSmode.SIMPLE)
                .withMinProtocolVersion(ServerTLSSettingsTLSProtocol.TLSV1_2)
                .withMaxProtocolVersion(ServerTLSSettingsTLSProtocol.TLSV1_3)
                .withCipherSuites("ECDHE-RSA-AES256-GCM-SHA384", "NOT-A-CIPHER", "ECDHE-RSA-AES256-GCM-SHA384",
                        "AES128-SHA")
                .build()).getCommonTlsContext().getTlsParams();
        assertThat(params.getTlsMinimumProtocolVersion()).isEqualTo(TlsParameters.TlsProtocol.TLSv1_2);
        assertThat(params.getTlsMaximumProtocolVersion()).isEqualTo(TlsParameters.TlsProtocol.TLSv1_3);
        assertThat(params.getCipherSuitesList()).containsExactly("ECDHE-RSA-AES256-GCM-SHA384", "AES128-SHA");
        assertThat(params.getEcdhCurvesList()).isEmpty();
    }

    @Test
    void onlyATerminatedIstioMutualTcpServerOffersPeerExchange() {
        ServerTLSSettings istio = new ServerTLSSettingsBuilder().withMode(ServerTLSSettingsTLSmode.ISTIO_MUTUAL).build();
        assertThat(ServerTlsContext.of(istio, true, names).getCommonTlsContext().getAlpnProtocolsList())
                .containsExactly("istio-peer-exchange", "h2", "http/1.1");
        assertThat(ServerTlsContext.of(files(ServerTLSSettingsTLSmode.SIMPLE).build(), true, names)
                .getCommonTlsContext().getAlpnProtocolsList()).containsExactly("h2", "http/1.1");
    }

    private static void assertAgent(SdsSecretConfig sds) {
        assertThat(sds.getSdsConfig().getApiConfigSource().getGrpcServices(0).getEnvoyGrpc().getClusterName())
                .as("files and mesh certificates come from the agent's SDS server").isEqualTo("sds-grpc");
    }
}
