package io.gwctl.proxy;

import static io.gwctl.proxy.HttpsGatewayTest.A_CERT;
import static io.gwctl.proxy.HttpsGatewayTest.B_CERT;
import static io.gwctl.proxy.HttpsGatewayTest.CA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CertificateValidationContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CommonTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.SdsSecretConfig;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.SubjectAltNameMatcher;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import io.gwctl.proxy.accesslog.AccessLog;
import io.gwctl.proxy.runtime.GatewayRuntime;
import io.gwctl.proxy.runtime.UpstreamOverride;
import io.gwctl.proxy.tls.TestCertificates;
import io.gwctl.proxy.tls.TestCertificates.Issued;
import io.gwctl.proxy.tls.TlsConnection;
import io.gwctl.translate.envoy.EnvoySnapshot;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Client certificates on a terminating chain, with real handshakes: MUTUAL refuses clients without a
 * certificate of the trusted CA, OPTIONAL_MUTUAL lets clients without one in, the SAN matchers and pins are
 * checked, and {@code x-forwarded-client-cert} tells the backend who the client was.
 */
@Timeout(60)
class MutualTlsGatewayTest {

    private static final String SPIFFE = "spiffe://cluster.local/ns/default/sa/client";
    private static final Issued CLIENT = CA.leaf("client").uri(SPIFFE).dns("client.example.com").issue();
    private static final Issued OTHER_CLIENT = CA.leaf("other").uri("spiffe://cluster.local/ns/default/sa/other")
            .issue();
    private static final Issued FOREIGN = TestCertificates.authority("other-ca").leaf("client").uri(SPIFFE).issue();
    private static final Issued EXPIRED = CA.leaf("client").uri(SPIFFE).expired().issue();

    /** An HTTPS server for a.example.com whose Secret holds the CA too (Istio's {@code <name>-cacert} fallback). */
    private static final String MUTUAL = """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: gw, namespace: default}
            spec:
              selector: {istio: ingressgateway}
              servers:
              - port: {number: 443, name: https, protocol: HTTPS}
                hosts: ["a.example.com"]
                tls: {mode: MUTUAL, credentialName: a-cert}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: a, namespace: default}
            spec:
              ports: [{name: http, port: 80}]
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: vs, namespace: default}
            spec:
              hosts: ["a.example.com"]
              gateways: [gw]
              http:
              - route: [{destination: {host: a}}]
            """ + HttpsGatewayTest.secret("a-cert", A_CERT, CA);

    @TempDir
    Path dir;
    private TestBackend backend;
    private GatewayFixture gw;

    @BeforeEach
    void start() throws IOException {
        backend = new TestBackend("a");
    }

    @AfterEach
    void stop() {
        if (gw != null) {
            gw.close();
        }
        backend.close();
    }

    private void serve(UnaryOperator<DownstreamTlsContext> change) throws InterruptedException {
        EnvoySnapshot snapshot = HttpsGatewayTest.withTls(GatewayFixture.snapshot(MUTUAL), change);
        GatewayRuntime runtime = GatewayRuntime.compile(snapshot,
                List.of(UpstreamOverride.parse(backend.upstream("a"), "default", "cluster.local")));
        gw = GatewayFixture.start(runtime, AccessLog.off());
    }

    /** A request with {@code client}'s certificate (null: none); the status, or an exception when refused. */
    private int get(Issued client) throws IOException {
        try (TlsConnection c = TlsConnection.open(gw.port(443), "a.example.com", TlsConnection.context(CA, client))) {
            return c.get("/who").status();
        }
    }

    private void assertRefused(Issued client, String why) {
        // Under TLS 1.3 the client learns of the refusal from the alert that follows its Finished: on its first read.
        assertThatThrownBy(() -> get(client)).as(why).isInstanceOf(IOException.class);
    }

    private static UnaryOperator<DownstreamTlsContext> validation(UnaryOperator<CertificateValidationContext> change) {
        return tls -> {
            // As pilot renders MUTUAL: the CA over SDS, combined with a default context the change fills in.
            CommonTlsContext common = tls.getCommonTlsContext();
            var combined = common.getCombinedValidationContext();
            return tls.toBuilder().setCommonTlsContext(common.toBuilder().setCombinedValidationContext(
                    combined.toBuilder().setDefaultValidationContext(
                            change.apply(CertificateValidationContext.getDefaultInstance()))))
                    .build();
        };
    }

    @Test
    void mutualAcceptsAClientOfTheTrustedCaAndForwardsItsDetails() throws Exception {
        gw = GatewayFixture.start(MUTUAL, backend.upstream("a"));
        assertThat(get(CLIENT)).isEqualTo(200);
        String xfcc = backend.lastHeaders.get("x-forwarded-client-cert");
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(CLIENT.certificate().getEncoded()));
        assertThat(xfcc).as("SANITIZE_SET with subject, cert, uri and dns, in Envoy's order")
                .startsWith("Hash=" + hash + ";Cert=\"-----BEGIN%20CERTIFICATE-----%0A")
                .endsWith(";Subject=\"CN=client\";URI=" + SPIFFE + ";DNS=client.example.com");
        String pem = xfcc.substring(xfcc.indexOf("Cert=\"") + 6, xfcc.indexOf("\";Subject"));
        assertThat(URLDecoder.decode(pem, StandardCharsets.UTF_8)).isEqualTo(CLIENT.certificatePem()
                .replace("\r\n", "\n"));
    }

    @Test
    void mutualRefusesClientsWithoutAGoodCertificate() throws Exception {
        gw = GatewayFixture.start(MUTUAL, backend.upstream("a"));
        assertRefused(null, "MUTUAL requires a certificate");
        assertRefused(FOREIGN, "a certificate of another CA");
        assertRefused(EXPIRED, "an expired certificate");
        assertThat(backend.requests.get()).isZero();
    }

    @Test
    void clientHeaderIsSanitizedWithoutAClientCertificate() throws Exception {
        serve(tls -> tls.toBuilder().clearRequireClientCertificate().build());
        try (TlsConnection c = TlsConnection.open(gw.port(443), "a.example.com", TlsConnection.context(CA, null))) {
            assertThat(c.get("/who").status()).as("OPTIONAL_MUTUAL lets a client without certificate in")
                    .isEqualTo(200);
        }
        assertThat(backend.lastHeaders).doesNotContainKey("x-forwarded-client-cert");
        assertThat(get(CLIENT)).isEqualTo(200);
        assertRefused(FOREIGN, "OPTIONAL_MUTUAL still refuses a certificate it cannot verify");
    }

    @Test
    void subjectAltNamesAreMatched() throws Exception {
        serve(validation(v -> v.toBuilder().addMatchSubjectAltNames(StringMatcher.newBuilder().setExact(SPIFFE))
                .build()));
        assertThat(get(CLIENT)).isEqualTo(200);
        assertRefused(OTHER_CLIENT, "its URI SAN is not the one required");
    }

    @Test
    void typedSubjectAltNamesLookAtTheirTypeOnly() throws Exception {
        serve(validation(v -> v.toBuilder().addMatchTypedSubjectAltNames(SubjectAltNameMatcher.newBuilder()
                .setSanType(SubjectAltNameMatcher.SanType.DNS)
                .setMatcher(StringMatcher.newBuilder().setSuffix(".example.com"))).build()));
        assertThat(get(CLIENT)).isEqualTo(200);
        assertRefused(OTHER_CLIENT, "it has a URI SAN only");
    }

    @Test
    void certificatePinsAreChecked() throws Exception {
        String hash = HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(CLIENT.certificate().getEncoded()));
        serve(validation(v -> v.toBuilder().addVerifyCertificateHash(hash).build()));
        assertThat(get(CLIENT)).as("the hash pin, written with colons").isEqualTo(200);
        assertRefused(OTHER_CLIENT, "another certificate of the same CA");
        gw.close();
        String spki = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(OTHER_CLIENT.certificate().getPublicKey().getEncoded()));
        serve(validation(v -> v.toBuilder().addVerifyCertificateSpki(spki).build()));
        assertThat(get(OTHER_CLIENT)).as("the SPKI pin").isEqualTo(200);
        assertRefused(CLIENT, "its public key is not pinned");
    }

    @Test
    void fileRootTrustsTheCaFromAFile() throws Exception {
        Path ca = CA.writeCertificate(dir, "ca");
        serve(tls -> tls.toBuilder().setCommonTlsContext(tls.getCommonTlsContext().toBuilder()
                .setValidationContextSdsSecretConfig(SdsSecretConfig.newBuilder().setName("file-root:" + ca))).build());
        assertThat(get(CLIENT)).isEqualTo(200);
        assertRefused(FOREIGN, "not signed by the CA in the file");
        assertThat(gw.proxy().runtime().certificateFiles()).contains(ca.toAbsolutePath());
    }

    @Test
    void inlineValidationContextWorks() throws Exception {
        serve(tls -> tls.toBuilder().setCommonTlsContext(tls.getCommonTlsContext().toBuilder()
                .setValidationContext(CertificateValidationContext.newBuilder().setTrustedCa(
                        io.envoyproxy.envoy.config.core.v3.DataSource.newBuilder()
                                .setInlineString(B_CERT.issuer().certificatePem())))).build());
        assertThat(get(CLIENT)).isEqualTo(200);
        assertRefused(null, "still required");
    }
}
