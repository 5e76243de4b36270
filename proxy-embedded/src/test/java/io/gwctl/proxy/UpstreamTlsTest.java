package io.gwctl.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.proxy.accesslog.AccessLog;
import io.gwctl.proxy.tls.TestCertificates;
import io.gwctl.proxy.tls.TestCertificates.Authority;
import io.gwctl.proxy.tls.TestCertificates.Issued;
import io.gwctl.proxy.tls.TestCertificates.PemFiles;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** DestinationRule TLS origination: the gateway speaks TLS to the upstream as Envoy does for the cluster. */
@Timeout(60)
class UpstreamTlsTest {

    private static final String HOST = "backend.example.com";

    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private Authority ca;
    private Issued server;
    private Path caFile;

    @BeforeEach
    void certificates() {
        ca = TestCertificates.authority("upstream CA");
        server = ca.leaf(HOST).issue();
        caFile = ca.writeCertificate(dir, "ca");
    }

    private static String config(String tls) {
        return GatewayFixture.allHosts("- route: [{destination: {host: secure}}]", "secure") + """
                ---
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: secure, namespace: default}
                spec:
                  host: secure
                  trafficPolicy:
                    tls:
                """ + tls.indent(6);
    }

    private HttpResponse<String> get(GatewayFixture gw) throws Exception {
        return client.send(HttpRequest.newBuilder(gw.uri(80, "/")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void simpleVerifiesTheServerWithTheCaFileAndSendsTheSni() throws Exception {
        try (HttpsTestBackend backend = new HttpsTestBackend(server, null);
                GatewayFixture gw = GatewayFixture.start(config("""
                        mode: SIMPLE
                        caCertificates: %s
                        sni: %s
                        subjectAltNames: [%s]
                        """.formatted(caFile, HOST, HOST)), "secure=127.0.0.1:" + backend.port())) {
            HttpResponse<String> r = get(gw);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("sni=" + HOST + " client=-");
        }
    }

    @Test
    void withoutSniTheRequestHostIsSentAndVerified() throws Exception {
        try (HttpsTestBackend backend = new HttpsTestBackend(server, null);
                GatewayFixture gw = GatewayFixture.start(config("mode: SIMPLE\ncaCertificates: " + caFile),
                        "secure=127.0.0.1:" + backend.port())) {
            HttpResponse<String> hostMatches = client.send(HttpRequest.newBuilder(gw.uri(80, "/"))
                    .header("host", HOST).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(hostMatches.statusCode()).isEqualTo(200);
            assertThat(hostMatches.body()).as("auto SNI from the Host header").startsWith("sni=" + HOST + " ");
            HttpResponse<String> other = client.send(HttpRequest.newBuilder(gw.uri(80, "/"))
                    .header("host", "other.example.com").timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(other.statusCode()).as("auto SAN validation: the certificate is not for that host")
                    .isEqualTo(503);
        }
    }

    @Test
    void mutualWithFilesPresentsTheClientCertificate() throws Exception {
        Authority clientCa = TestCertificates.authority("client CA");
        PemFiles clientFiles = clientCa.leaf("gateway").issue().written(dir, "client");
        try (HttpsTestBackend backend = new HttpsTestBackend(server, clientCa);
                GatewayFixture gw = GatewayFixture.start(config("""
                        mode: MUTUAL
                        clientCertificate: %s
                        privateKey: %s
                        caCertificates: %s
                        sni: %s
                        """.formatted(clientFiles.certificate(), clientFiles.key(), caFile, HOST)),
                        "secure=127.0.0.1:" + backend.port())) {
            HttpResponse<String> r = get(gw);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("sni=" + HOST + " client=CN=gateway");
        }
    }

    @Test
    void mutualWithACredentialNameUsesTheSecret() throws Exception {
        Authority clientCa = TestCertificates.authority("client CA");
        Issued clientCert = clientCa.leaf("gateway-secret").issue();
        String secret = """
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: upstream-creds, namespace: istio-system}
                type: Opaque
                data:
                  tls.crt: %s
                  tls.key: %s
                  ca.crt: %s
                """.formatted(clientCert.certificateBase64(), clientCert.keyBase64(), TestCertificates.base64(ca));
        try (HttpsTestBackend backend = new HttpsTestBackend(server, clientCa);
                GatewayFixture gw = GatewayFixture.start(config("""
                        mode: MUTUAL
                        credentialName: upstream-creds
                        sni: %s
                        """.formatted(HOST)) + secret, "secure=127.0.0.1:" + backend.port())) {
            HttpResponse<String> r = get(gw);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("sni=" + HOST + " client=CN=gateway-secret");
        }
    }

    @Test
    void aServerFromAnotherCaFailsTheHandshakeWith503Uf() throws Exception {
        Issued stranger = TestCertificates.authority("other CA").leaf(HOST).issue();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (HttpsTestBackend backend = new HttpsTestBackend(stranger, null);
                GatewayFixture gw = GatewayFixture.start(config("mode: SIMPLE\ncaCertificates: " + caFile
                        + "\nsni: " + HOST), AccessLog.to(log), "secure=127.0.0.1:" + backend.port())) {
            HttpResponse<String> r = get(gw);
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.body()).contains("connection failure");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!log.toString(StandardCharsets.UTF_8).contains(" 503 ") && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(log.toString(StandardCharsets.UTF_8)).contains("\"GET / HTTP/1.1\" 503 UF ");
        }
    }

    @Test
    void insecureSkipVerifyAcceptsAnyServer() throws Exception {
        Issued stranger = TestCertificates.authority("other CA").leaf("anything").issue();
        try (HttpsTestBackend backend = new HttpsTestBackend(stranger, null);
                GatewayFixture gw = GatewayFixture.start(config("mode: SIMPLE\ninsecureSkipVerify: true\nsni: " + HOST),
                        "secure=127.0.0.1:" + backend.port())) {
            assertThat(get(gw).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aSubjectAltNameThatDoesNotMatchFails() throws Exception {
        try (HttpsTestBackend backend = new HttpsTestBackend(server, null);
                GatewayFixture gw = GatewayFixture.start(config("""
                        mode: SIMPLE
                        caCertificates: %s
                        sni: %s
                        subjectAltNames: [spiffe://cluster.local/ns/default/sa/other]
                        """.formatted(caFile, HOST)), "secure=127.0.0.1:" + backend.port())) {
            assertThat(get(gw).statusCode()).isEqualTo(503);
        }
    }
}
