package io.gwctl.translate.envoy;

import static org.assertj.core.api.Assertions.assertThat;

import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.SdsSecretConfig;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import io.gwctl.model.resource.ResourceReader;
import io.gwctl.model.source.ConfigSet;
import io.gwctl.model.source.InMemorySource;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A snapshot's secrets are what istiod serves over SDS: the {@code kubernetes://} names of {@code credentialName}.
 * Mounted files ({@code file-cert:}, {@code file-root:}) are read by the gateway's agent in Istio, so they are
 * referenced by the listeners but are not secrets of the snapshot.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SdsSecretsTest {

    private static final String INPUT = """
            apiVersion: v1
            kind: Pod
            metadata: {name: gw, namespace: istio-system, labels: {istio: ingressgateway}}
            status: {podIP: 10.0.0.1}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: cert, namespace: istio-system}
            type: kubernetes.io/tls
            stringData: {tls.crt: CERT, tls.key: KEY}
            ---
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: gw, namespace: istio-system}
            spec:
              selector: {istio: ingressgateway}
              servers:
              - port: {number: 443, name: https-a, protocol: HTTPS}
                hosts: [a.example.com]
                tls: {mode: SIMPLE, credentialName: cert}
              - port: {number: 443, name: https-b, protocol: HTTPS}
                hosts: [b.example.com]
                tls: {mode: MUTUAL, serverCertificate: /certs/b.crt, privateKey: /certs/b.key, caCertificates: /certs/ca.crt}
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: vs, namespace: istio-system}
            spec:
              hosts: [a.example.com, b.example.com]
              gateways: [gw]
              http:
              - route: [{destination: {host: a.default.svc.cluster.local, port: {number: 80}}}]
            """;

    @Test
    void onlyCredentialNamesBecomeSnapshotSecrets() throws Exception {
        EnvoySnapshot snapshot = SnapshotBuilder.build(
                ConfigSet.load(List.of(new InMemorySource("in.yaml", INPUT)), new ResourceReader("default")).resources(),
                GatewayOptions.ingress());

        assertThat(snapshot.secrets()).extracting(Secret::getName).containsExactly("kubernetes://cert");
        DownstreamTlsContext files = snapshot.listeners().get(0).getFilterChains(1).getTransportSocket()
                .getTypedConfig().unpack(DownstreamTlsContext.class);
        assertThat(files.getCommonTlsContext().getTlsCertificateSdsSecretConfigsList())
                .extracting(SdsSecretConfig::getName).as("the listener still names the files")
                .containsExactly("file-cert:/certs/b.crt~/certs/b.key");
        assertThat(files.getCommonTlsContext().getCombinedValidationContext().getValidationContextSdsSecretConfig()
                .getName()).isEqualTo("file-root:/certs/ca.crt");
    }
}
