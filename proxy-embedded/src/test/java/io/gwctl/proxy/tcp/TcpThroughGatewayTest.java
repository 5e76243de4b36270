package io.gwctl.proxy.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gwctl.proxy.GatewayFixture;
import io.gwctl.proxy.tls.TestCertificates;
import io.gwctl.proxy.tls.TlsConnection;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Gateway {@code TCP} servers, {@code TLS} servers in PASSTHROUGH mode routed by SNI, and terminating {@code TLS}
 * servers, each reached through the gateway's real listener: the connection entry picks the filter chain
 * (Envoy's filter chain match, by the ClientHello's SNI), then the chain's tcp_proxy relays the bytes. Config
 * as pilot renders it ({@code pilot/pkg/networking/core/gateway.go}: {@code createGatewayTCPFilterChainOpts}).
 */
@Timeout(30)
class TcpThroughGatewayTest {

    private static final TestCertificates.Authority CA = TestCertificates.authority("tcp-test-ca");
    private static final TestCertificates.Issued BACKEND = CA.leaf("a.example.com").issue();
    private static final TestCertificates.Issued GATEWAY = CA.leaf("t.example.com").issue();
    private static final TlsBackend TLS_BACKEND = new TlsBackend(BACKEND);

    @AfterAll
    static void stopBackend() throws IOException {
        TLS_BACKEND.close();
    }

    @Test
    void tcpServerRelaysBothWaysAndHalfCloses() throws Exception {
        try (TcpTestServer echo = TcpTestServer.echo();
                GatewayFixture gw = GatewayFixture.start(TcpProxyHarness.echoConfig(), echo.upstream("tcp-echo"));
                Socket client = new Socket(InetAddress.getLoopbackAddress(), gw.port(31400))) {
            client.setSoTimeout(10_000);
            client.getOutputStream().write("ping over tcp".getBytes(StandardCharsets.US_ASCII));
            client.shutdownOutput();

            assertThat(new String(client.getInputStream().readAllBytes(), StandardCharsets.US_ASCII))
                    .as("the echo answers after the client's FIN, then closes").isEqualTo("ping over tcp");
        }
    }

    @Test
    void passthroughReachesTheBackendThatTerminatesTlsByItsSni() throws Exception {
        try (GatewayFixture gw = GatewayFixture.start(passthrough(), "tls-backend=127.0.0.1:" + TLS_BACKEND.port());
                Raw c = open(gw.port(443), "a.example.com")) {
            assertThat(c.peer()).as("the backend's certificate: the gateway did not terminate")
                    .isEqualTo(BACKEND.certificate());
            assertThat(c.exchange("hello")).isEqualTo("backend heard: hello");
        }
    }

    @Test
    void passthroughClosesAConnectionWhoseSniNoRouteHas() throws Exception {
        try (GatewayFixture gw = GatewayFixture.start(passthrough(), "tls-backend=127.0.0.1:" + TLS_BACKEND.port())) {
            assertThatThrownBy(() -> open(gw.port(443), "b.example.com").close())
                    .as("no filter chain names b.example.com: Envoy closes, the handshake fails")
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void terminatingTlsServerProxiesTheDecryptedBytes() throws Exception {
        try (TcpTestServer echo = TcpTestServer.echo();
                GatewayFixture gw = GatewayFixture.start(terminating(), echo.upstream("tcp-echo"));
                Raw c = open(gw.port(443), "t.example.com")) {
            assertThat(c.peer()).as("the gateway's certificate").isEqualTo(GATEWAY.certificate());
            c.out().write("line through tls\n".getBytes(StandardCharsets.US_ASCII));
            c.out().flush();
            assertThat(c.in().readLine()).isEqualTo("line through tls");
        }
    }

    private static Raw open(int port, String sni) throws IOException {
        SSLSocket socket = (SSLSocket) TlsConnection.context(CA, null).getSocketFactory()
                .createSocket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(10_000);
        SSLParameters params = socket.getSSLParameters();
        params.setServerNames(List.of(new SNIHostName(sni)));
        socket.setSSLParameters(params);
        try {
            socket.startHandshake();
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return new Raw(socket);
    }

    private static String passthrough() {
        return """
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: gw, namespace: default}
                spec:
                  selector: {istio: ingressgateway}
                  servers:
                  - port: {number: 443, name: tls, protocol: TLS}
                    hosts: ["*.example.com"]
                    tls: {mode: PASSTHROUGH}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: tls-backend, namespace: default}
                spec:
                  ports: [{name: tls, port: 9443}]
                ---
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: vs, namespace: default}
                spec:
                  hosts: [a.example.com]
                  gateways: [gw]
                  tls:
                  - match: [{port: 443, sniHosts: [a.example.com]}]
                    route: [{destination: {host: tls-backend, port: {number: 9443}}}]
                """;
    }

    private static String terminating() {
        return """
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: gw, namespace: default}
                spec:
                  selector: {istio: ingressgateway}
                  servers:
                  - port: {number: 443, name: tls, protocol: TLS}
                    hosts: [t.example.com]
                    tls: {mode: SIMPLE, credentialName: t-cert}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: t-cert, namespace: istio-system}
                type: kubernetes.io/tls
                data: {tls.crt: %s, tls.key: %s}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: tcp-echo, namespace: default}
                spec:
                  ports: [{name: tcp, port: 9000}]
                ---
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: vs, namespace: default}
                spec:
                  hosts: [t.example.com]
                  gateways: [gw]
                  tcp:
                  - route: [{destination: {host: tcp-echo, port: {number: 9000}}}]
                """.formatted(GATEWAY.certificateBase64(), GATEWAY.keyBase64());
    }

    /** A backend that terminates TLS itself and answers each line with {@code backend heard: <line>}. */
    private static final class TlsBackend implements AutoCloseable {
        private final SSLServerSocket server;

        TlsBackend(TestCertificates.Issued certificate) {
            try {
                KeyStore keys = KeyStore.getInstance("PKCS12");
                keys.load(null, null);
                keys.setKeyEntry("backend", certificate.key(), new char[0],
                        new Certificate[] {certificate.certificate(), certificate.issuer().certificate()});
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys, new char[0]);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(kmf.getKeyManagers(), null, null);
                server = (SSLServerSocket) context.getServerSocketFactory()
                        .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            Thread acceptor = new Thread(this::serve, "tls-backend");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void serve() {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    s.setSoTimeout(10_000);
                    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                            StandardCharsets.US_ASCII));
                    String line = in.readLine();
                    OutputStream out = s.getOutputStream();
                    out.write(("backend heard: " + line + "\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    // A test that expected a refusal closed first, or the server is closing.
                }
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    /** A client TLS connection read line by line. */
    private record Raw(SSLSocket socket, BufferedReader in) implements AutoCloseable {
        Raw(SSLSocket socket) throws IOException {
            this(socket, new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)));
        }

        X509Certificate peer() throws IOException {
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }

        OutputStream out() throws IOException {
            return socket.getOutputStream();
        }

        String exchange(String line) throws IOException {
            out().write((line + "\n").getBytes(StandardCharsets.US_ASCII));
            out().flush();
            return in.readLine();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
