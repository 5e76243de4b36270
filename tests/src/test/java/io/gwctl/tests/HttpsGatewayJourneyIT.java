package io.gwctl.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.proxy.tls.TestCertificates;
import io.gwctl.proxy.tls.TestCertificates.Authority;
import io.gwctl.proxy.tls.TestCertificates.Issued;
import io.gwctl.tests.Gwctl.Run;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user serving HTTPS with {@code gwctl run-gateway}: a Gateway whose server takes its certificate from a
 * Secret, reached with curl by name; a Secret whose key does not fit its certificate is refused at start-up.
 */
@Timeout(180)
class HttpsGatewayJourneyIT {

    private static final Authority CA = TestCertificates.authority("journey-ca");

    @TempDir
    Path work;

    private static String config(Issued certificate, Issued key) {
        return """
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: gw, namespace: default}
                spec:
                  selector: {istio: ingressgateway}
                  servers:
                  - port: {number: 443, name: https, protocol: HTTPS}
                    hosts: ["httpbin.example.com"]
                    tls: {mode: SIMPLE, credentialName: httpbin-cert}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: httpbin-cert, namespace: istio-system}
                type: kubernetes.io/tls
                data:
                  tls.crt: %s
                  tls.key: %s
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: httpbin, namespace: default}
                spec:
                  ports: [{name: http, port: 8000}]
                ---
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: httpbin, namespace: default}
                spec:
                  hosts: ["httpbin.example.com"]
                  gateways: [gw]
                  http:
                  - route: [{destination: {host: httpbin, port: {number: 8000}}}]
                """.formatted(certificate.certificateBase64(), key.keyBase64());
    }

    @Test
    void anHttpsGatewayAnswersCurlOverTls() throws Exception {
        Issued server = CA.leaf("httpbin.example.com").issue();
        Files.writeString(work.resolve("https.yaml"), config(server, server));
        Path ca = CA.writeCertificate(work, "ca");
        try (RunningGateway gw = RunningGateway.start(work, "-f", "https.yaml", "--sample-backends",
                "--port-map", "443=0", "--admin-address", "off")) {
            assertThat(gw.url()).as(gw.output()).startsWith("https://");
            assertThat(gw.output()).containsPattern("(?m)^TLS: (BoringSSL|JDK)$");
            int port = URI.create(gw.url()).getPort();
            Curl.Reply ok = Curl.get("https://httpbin.example.com:" + port + "/status/200", "--resolve",
                    "httpbin.example.com:" + port + ":127.0.0.1", "--cacert", ca.toString());
            assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
            assertThat(ok.header("x-backend-name")).isEqualTo("httpbin");
            assertThat(gw.stop()).isZero();
        }
    }

    @Test
    void aKeyThatDoesNotFitItsCertificateIsOneLineAndExitCode1() throws Exception {
        Issued server = CA.leaf("httpbin.example.com").issue();
        Issued other = CA.leaf("other.example.com").issue();
        Files.writeString(work.resolve("bad.yaml"), config(server, other));
        Run run = Gwctl.run(work, "", Map.of(), "run-gateway", "-f", "bad.yaml", "--port-map", "443=0",
                "--admin-address", "off");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).as(run.toString()).containsPattern(
                "(?m)^error: listener 0\\.0\\.0\\.0_443, chain \\S+: SDS kubernetes://httpbin-cert: private key inline: "
                        + "the private key does not match the certificate .*$");
    }
}
