package io.gwctl.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import io.envoyproxy.envoy.config.core.v3.DataSource;
import io.envoyproxy.envoy.config.core.v3.TransportSocket;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.SdsSecretConfig;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.TlsCertificate;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.TlsParameters;
import io.gwctl.proxy.accesslog.AccessLog;
import io.gwctl.proxy.runtime.GatewayRuntime;
import io.gwctl.proxy.runtime.UpstreamOverride;
import io.gwctl.proxy.tls.TestCertificates;
import io.gwctl.proxy.tls.TestCertificates.Authority;
import io.gwctl.proxy.tls.TestCertificates.Issued;
import io.gwctl.proxy.tls.TestCertificates.PemFiles;
import io.gwctl.proxy.tls.TlsConfigException;
import io.gwctl.proxy.tls.TlsConnection;
import io.gwctl.proxy.tls.Tools;
import io.gwctl.translate.envoy.EnvoySnapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS servers of a Gateway terminated by the embedded gateway with real handshakes: certificates from Secrets
 * and from files, the certificate chosen by SNI, unknown names refused, ALPN, and the TLS versions allowed.
 */
@Timeout(60)
class HttpsGatewayTest {

    static final Authority CA = TestCertificates.authority("gateway-ca");
    static final Issued A_CERT = CA.leaf("a.example.com").issue();
    static final Issued B_CERT = CA.leaf("b.example.com").issue();

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

    /** Two HTTPS servers on 443 with a Secret each, and an HTTP server on 80 redirecting to HTTPS. */
    static String twoHosts(String tlsA, String tlsB) {
        return """
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: gw, namespace: default}
                spec:
                  selector: {istio: ingressgateway}
                  servers:
                  - port: {number: 443, name: https-a, protocol: HTTPS}
                    hosts: ["a.example.com"]
                    tls: %s
                  - port: {number: 443, name: https-b, protocol: HTTPS}
                    hosts: ["b.example.com"]
                    tls: %s
                  - port: {number: 80, name: http, protocol: HTTP}
                    hosts: ["a.example.com"]
                    tls: {httpsRedirect: true}
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
                  hosts: ["a.example.com", "b.example.com"]
                  gateways: [gw]
                  http:
                  - route: [{destination: {host: a}}]
                """.formatted(tlsA, tlsB) + secret("a-cert", A_CERT, null) + secret("b-cert", B_CERT, null);
    }

    /** A {@code kubernetes.io/tls} Secret; with {@code ca}, its {@code ca.crt} too. */
    static String secret(String name, Issued cert, Authority ca) {
        return """
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: %s, namespace: default}
                type: kubernetes.io/tls
                data:
                  tls.crt: %s
                  tls.key: %s
                """.formatted(name, cert.certificateBase64(), cert.keyBase64())
                + (ca == null ? "" : "  ca.crt: " + TestCertificates.base64(ca) + "\n");
    }

    static final String SIMPLE_A = "{mode: SIMPLE, credentialName: a-cert}";
    static final String SIMPLE_B = "{mode: SIMPLE, credentialName: b-cert}";

    /** The snapshot of {@code yaml} with every TLS context of every chain changed by {@code change}. */
    static EnvoySnapshot withTls(EnvoySnapshot snapshot, UnaryOperator<DownstreamTlsContext> change) {
        List<Listener> listeners = snapshot.listeners().stream().map(l -> {
            Listener.Builder b = l.toBuilder().clearFilterChains();
            for (FilterChain c : l.getFilterChainsList()) {
                if (!c.hasTransportSocket()) {
                    b.addFilterChains(c);
                    continue;
                }
                try {
                    DownstreamTlsContext tls = c.getTransportSocket().getTypedConfig()
                            .unpack(DownstreamTlsContext.class);
                    b.addFilterChains(c.toBuilder().setTransportSocket(TransportSocket.newBuilder()
                            .setName(c.getTransportSocket().getName()).setTypedConfig(Any.pack(change.apply(tls)))));
                } catch (InvalidProtocolBufferException e) {
                    throw new AssertionError(e);
                }
            }
            return b.build();
        }).toList();
        return new EnvoySnapshot(listeners, snapshot.routes(), snapshot.clusters(), snapshot.endpoints(),
                snapshot.secrets());
    }

    /** A TLS context whose certificate comes from Istio's file-backed SDS name for {@code files}. */
    static DownstreamTlsContext fileCert(DownstreamTlsContext tls, PemFiles files) {
        var common = tls.getCommonTlsContext().toBuilder().clearTlsCertificateSdsSecretConfigs()
                .addTlsCertificateSdsSecretConfigs(SdsSecretConfig.newBuilder()
                        .setName("file-cert:" + files.certificate() + "~" + files.key()));
        return tls.toBuilder().setCommonTlsContext(common).build();
    }

    GatewayRuntime runtime(EnvoySnapshot snapshot) {
        return GatewayRuntime.compile(snapshot, List.of(UpstreamOverride.parse(backend.upstream("a"), "default",
                "cluster.local")));
    }

    void serve(EnvoySnapshot snapshot) throws InterruptedException {
        gw = GatewayFixture.start(runtime(snapshot), AccessLog.off());
    }

    static SSLContext trusting() {
        return TlsConnection.context(CA, null);
    }

    @Test
    void simpleWithSecretTerminatesTlsAndProxies() throws Exception {
        gw = GatewayFixture.start(twoHosts(SIMPLE_A, SIMPLE_B), backend.upstream("a"));
        try (TlsConnection c = TlsConnection.open(gw.port(443), "a.example.com", trusting())) {
            TlsConnection.Response r = c.get("/hello");
            assertThat(r.status()).as(r.head()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("a /hello a.example.com");
            assertThat(backend.lastHeaders.get("x-forwarded-proto")).as("the request arrived over TLS")
                    .isEqualTo("https");
            assertThat(c.served().getSubjectX500Principal().getName()).isEqualTo("CN=a.example.com");
            assertThat(c.protocol()).as("TLS 1.3 is Envoy's server maximum").isEqualTo("TLSv1.3");
        }
    }

    @Test
    void certificateIsChosenBySni() throws Exception {
        gw = GatewayFixture.start(twoHosts(SIMPLE_A, SIMPLE_B), backend.upstream("a"));
        try (TlsConnection c = TlsConnection.open(gw.port(443), "b.example.com", trusting())) {
            assertThat(c.served().getSubjectX500Principal().getName()).isEqualTo("CN=b.example.com");
            assertThat(c.get("/x").body()).isEqualTo("a /x b.example.com");
        }
    }

    @Test
    void unknownSniFailsTheHandshake() throws Exception {
        gw = GatewayFixture.start(twoHosts(SIMPLE_A, SIMPLE_B), backend.upstream("a"));
        assertThatThrownBy(() -> TlsConnection.open(gw.port(443), "c.example.com", trusting()).close())
                .as("no filter chain serves c.example.com: Envoy closes the connection")
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> TlsConnection.open(gw.port(443), null, trusting()).close())
                .as("without SNI no chain matches either").isInstanceOf(IOException.class);
    }

    @Test
    void httpsRedirectAnswersPlaintextWith301() throws Exception {
        gw = GatewayFixture.start(twoHosts(SIMPLE_A, SIMPLE_B), backend.upstream("a"));
        var client = java.net.http.HttpClient.newHttpClient();
        var response = client.send(java.net.http.HttpRequest.newBuilder(gw.uri(80, "/p"))
                .header("Host", "a.example.com").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("location")).hasValue("https://a.example.com/p");
        assertThat(backend.requests.get()).isZero();
    }

    @Test
    void simpleWithFilesReadsTheCertificateFromDisk() throws Exception {
        PemFiles files = A_CERT.written(dir, "a");
        serve(withTls(GatewayFixture.snapshot(twoHosts(SIMPLE_A, SIMPLE_B)), tls -> fileCert(tls, files)));
        try (TlsConnection c = TlsConnection.open(gw.port(443), "a.example.com", trusting())) {
            assertThat(c.get("/f").status()).isEqualTo(200);
        }
        assertThat(gw.proxy().runtime().certificateFiles()).contains(files.certificate().toAbsolutePath(),
                files.key().toAbsolutePath());
    }

    @Test
    void aReplacedCertificateServesNewConnectionsWhileOpenOnesKeepWorking() throws Exception {
        PemFiles files = A_CERT.written(dir, "a");
        EnvoySnapshot snapshot = withTls(GatewayFixture.snapshot(twoHosts(SIMPLE_A, SIMPLE_B)),
                tls -> fileCert(tls, files));
        serve(snapshot);
        try (TlsConnection open = TlsConnection.open(gw.port(443), "a.example.com", trusting())) {
            assertThat(open.get("/before").status()).isEqualTo(200);
            Issued renewed = CA.leaf("a.example.com").issue();
            renewed.written(dir, "a");
            gw.proxy().reload(runtime(snapshot));
            try (TlsConnection fresh = TlsConnection.open(gw.port(443), "a.example.com", trusting())) {
                assertThat(fresh.served()).as("a new connection gets the renewed certificate")
                        .isEqualTo(renewed.certificate());
            }
            assertThat(open.served()).isEqualTo(A_CERT.certificate());
            assertThat(open.get("/after").status()).as("the open keep-alive connection keeps working").isEqualTo(200);
        }
    }

    @Test
    void inlineDataSourcesServe() throws Exception {
        serve(withTls(GatewayFixture.snapshot(twoHosts(SIMPLE_A, SIMPLE_B)), tls -> tls.toBuilder()
                .setCommonTlsContext(tls.getCommonTlsContext().toBuilder().clearTlsCertificateSdsSecretConfigs()
                        .addTlsCertificates(TlsCertificate.newBuilder()
                                .setCertificateChain(DataSource.newBuilder().setInlineString(A_CERT.certificatePem()))
                                .setPrivateKey(DataSource.newBuilder().setInlineString(A_CERT.keyPem()))))
                .build()));
        try (TlsConnection c = TlsConnection.open(gw.port(443), "a.example.com", trusting())) {
            assertThat(c.get("/i").status()).isEqualTo(200);
        }
    }

    @Test
    void maximumProtocolVersionIsHonoured() throws Exception {
        serve(withTls(GatewayFixture.snapshot(twoHosts(SIMPLE_A, SIMPLE_B)), tls -> tls.toBuilder()
                .setCommonTlsContext(tls.getCommonTlsContext().toBuilder().setTlsParams(TlsParameters.newBuilder()
                        .setTlsMaximumProtocolVersion(TlsParameters.TlsProtocol.TLSv1_2)))
                .build()));
        try (TlsConnection c = TlsConnection.open(gw.port(443), "a.example.com", trusting())) {
            assertThat(c.protocol()).isEqualTo("TLSv1.2");
        }
        assertThatThrownBy(() -> TlsConnection.open(gw.port(443), "a.example.com", trusting(), "TLSv1.3").close())
                .as("a TLS 1.3-only client finds no common version").isInstanceOf(IOException.class);
    }

    @Test
    void missingCertificateFileFailsTheCompileWithOneLine() {
        PemFiles files = new PemFiles(dir.resolve("missing.crt"), dir.resolve("missing.key"));
        EnvoySnapshot snapshot = withTls(GatewayFixture.snapshot(twoHosts(SIMPLE_A, SIMPLE_B)),
                tls -> fileCert(tls, files));
        assertThatThrownBy(() -> runtime(snapshot)).isInstanceOf(TlsConfigException.class)
                .hasMessageContaining("listener 0.0.0.0_443")
                .hasMessageContaining("SDS file-cert:" + files.certificate())
                .hasMessageContaining("certificate file " + files.certificate() + ": no such file")
                .hasMessageNotContaining("\n");
    }

    @Test
    void keyOfAnotherCertificateFailsTheCompile() {
        Path cert = A_CERT.written(dir, "a").certificate();
        Path otherKey = B_CERT.written(dir, "b").key();
        EnvoySnapshot snapshot = withTls(GatewayFixture.snapshot(twoHosts(SIMPLE_A, SIMPLE_B)),
                tls -> fileCert(tls, new PemFiles(cert, otherKey)));
        assertThatThrownBy(() -> runtime(snapshot)).isInstanceOf(TlsConfigException.class)
                .hasMessageContaining("does not match the certificate");
    }

    @Test
    void badPemAndMissingSecretFailTheCompile() throws Exception {
        Path garbage = java.nio.file.Files.writeString(dir.resolve("bad.crt"), "not a certificate");
        Path key = A_CERT.written(dir, "a").key();
        EnvoySnapshot bad = withTls(GatewayFixture.snapshot(twoHosts(SIMPLE_A, SIMPLE_B)),
                tls -> fileCert(tls, new PemFiles(garbage, key)));
        assertThatThrownBy(() -> runtime(bad)).isInstanceOf(TlsConfigException.class)
                .hasMessageContaining("no PEM certificate").hasMessageContaining(garbage.toString());
        String noSecret = twoHosts(SIMPLE_A, "{mode: SIMPLE, credentialName: nowhere}");
        assertThatThrownBy(() -> runtime(GatewayFixture.snapshot(noSecret))).isInstanceOf(TlsConfigException.class)
                .hasMessageContaining("SDS kubernetes://nowhere").hasMessageContaining("no Secret nowhere");
    }

    @Test
    void curlNegotiatesHttp2ByAlpn() throws Exception {
        gw = GatewayFixture.start(twoHosts(SIMPLE_A, SIMPLE_B), backend.upstream("a"));
        Path ca = CA.writeCertificate(dir, "ca");
        int port = gw.port(443);
        Tools.Result h2 = Tools.run(List.of("curl", "-sS", "--http2", "-o", "/dev/null", "-w",
                "%{http_version} %{http_code}",
                "--resolve", "a.example.com:" + port + ":127.0.0.1", "--cacert", ca.toString(),
                "https://a.example.com:" + port + "/h2"));
        assertThat(h2.out()).as("ALPN h2 gives HTTP/2").isEqualTo("2 200");
        Tools.Result h1 = Tools.run(List.of("curl", "-sS", "--http1.1", "-o", "/dev/null", "-w",
                "%{http_version} %{http_code}",
                "--resolve", "a.example.com:" + port + ":127.0.0.1", "--cacert", ca.toString(),
                "https://a.example.com:" + port + "/h1"));
        assertThat(h1.out()).isEqualTo("1.1 200");
    }

    @Test
    void tls11IsRefusedByDefault() throws Exception {
        gw = GatewayFixture.start(twoHosts(SIMPLE_A, SIMPLE_B), backend.upstream("a"));
        String connect = "127.0.0.1:" + gw.port(443);
        Tools.Result old = Tools.run(List.of("openssl", "s_client", "-connect", connect, "-servername", "a.example.com",
                "-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0"));
        assertThat(old.exitCode()).as("TLS 1.2 is the server minimum: " + old.out()).isNotZero();
        Tools.Result current = Tools.run(List.of("openssl", "s_client", "-connect", connect, "-servername",
                "a.example.com", "-tls1_2"));
        assertThat(current.exitCode()).as(current.out()).isZero();
    }

    @Test
    void aClientThatSendsNothingIsClosedAfterTheListenerFiltersTimeout() throws Exception {
        EnvoySnapshot snapshot = GatewayFixture.snapshot(twoHosts(SIMPLE_A, SIMPLE_B));
        List<Listener> listeners = snapshot.listeners().stream().map(l -> l.toBuilder()
                .setListenerFiltersTimeout(com.google.protobuf.Duration.newBuilder().setNanos(200_000_000)).build())
                .toList();
        serve(new EnvoySnapshot(listeners, snapshot.routes(), snapshot.clusters(), snapshot.endpoints(),
                snapshot.secrets()));
        try (java.net.Socket silent = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), gw.port(443))) {
            silent.setSoTimeout(10_000);
            long start = System.nanoTime();
            assertThat(silent.getInputStream().read()).as("the gateway closes the connection").isEqualTo(-1);
            assertThat(System.nanoTime() - start).as("after about the 200 ms timeout, well before the read deadline")
                    .isLessThan(5_000_000_000L);
        }
    }

    @Test
    void plaintextListenersStillServeHttp() throws Exception {
        gw = GatewayFixture.start(GatewayFixture.allHosts("- route: [{destination: {host: a}}]\n", "a"),
                backend.upstream("a"));
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                gw.uri(80, "/plain")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(backend.lastHeaders.get("x-forwarded-proto")).isEqualTo("http");
    }
}
