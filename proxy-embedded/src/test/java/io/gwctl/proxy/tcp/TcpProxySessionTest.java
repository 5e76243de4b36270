package io.gwctl.proxy.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.UInt32Value;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The TCP proxy between a real client socket and real upstream servers, one behaviour of Envoy's tcp_proxy each. */
@Timeout(30)
class TcpProxySessionTest {

    private static final String P = "tcp." + TcpProxyHarness.CLUSTER + ".";
    private static final String C = "cluster." + TcpProxyHarness.CLUSTER + ".";

    private static Socket connect(TcpProxyHarness proxy) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
        s.setSoTimeout(10_000);
        return s;
    }

    private static String readAll(Socket s) throws IOException {
        return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static String readExactly(InputStream in, int n) throws IOException {
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void echoesBothWays() throws Exception {
        try (TcpTestServer echo = TcpTestServer.echo();
                TcpProxyHarness proxy = TcpProxyHarness.builder(TcpProxyHarness.echoConfig())
                        .upstreams(echo.upstream("tcp-echo:9000")).start();
                Socket client = connect(proxy)) {
            client.getOutputStream().write("hello\n".getBytes(StandardCharsets.UTF_8));
            assertThat(readExactly(client.getInputStream(), 6)).isEqualTo("hello\n");
            client.getOutputStream().write("again\n".getBytes(StandardCharsets.UTF_8));
            assertThat(readExactly(client.getInputStream(), 6)).isEqualTo("again\n");
        }
    }

    @Test
    void pendingBytesGoUpstreamFirst() throws Exception {
        try (TcpTestServer echo = TcpTestServer.echo();
                TcpProxyHarness proxy = TcpProxyHarness.builder(TcpProxyHarness.echoConfig())
                        .upstreams(echo.upstream("tcp-echo:9000"))
                        .pending(() -> Unpooled.copiedBuffer("sniffed:", StandardCharsets.US_ASCII)).start();
                Socket client = connect(proxy)) {
            client.getOutputStream().write("rest".getBytes(StandardCharsets.UTF_8));
            client.shutdownOutput();
            assertThat(readAll(client)).as("the sniffer's bytes precede what the client sends next")
                    .isEqualTo("sniffed:rest");
            await("the session's end", () -> proxy.stat(P + "downstream_cx_rx_bytes_total") == 12);
        }
    }

    @Test
    void halfCloseKeepsTheOtherDirectionOpen() throws Exception {
        TcpTestServer.Conversation replyAfterEof = socket -> {
            String request = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            socket.getOutputStream().write(("reply to " + request).getBytes(StandardCharsets.UTF_8));
        };
        try (TcpTestServer server = new TcpTestServer(replyAfterEof);
                TcpProxyHarness proxy = TcpProxyHarness.builder(TcpProxyHarness.echoConfig())
                        .upstreams(server.upstream("tcp-echo:9000")).start();
                Socket client = connect(proxy)) {
            client.getOutputStream().write("ping".getBytes(StandardCharsets.UTF_8));
            client.shutdownOutput();
            assertThat(readAll(client)).as("the server answers only after the client's FIN reached it")
                    .isEqualTo("reply to ping");
            await("both connections closed", () -> proxy.stat(C + "upstream_cx_active") == 0);
        }
    }

    @Test
    void idleConnectionsAreClosed() throws Exception {
        try (TcpTestServer echo = TcpTestServer.echo();
                TcpProxyHarness proxy = TcpProxyHarness.builder(TcpProxyHarness.echoConfig())
                        .upstreams(echo.upstream("tcp-echo:9000"))
                        .edit(p -> p.toBuilder().setIdleTimeout(com.google.protobuf.Duration.newBuilder()
                                .setNanos(200_000_000)).build())
                        .start();
                Socket client = connect(proxy)) {
            client.getOutputStream().write("x".getBytes(StandardCharsets.UTF_8));
            assertThat(readExactly(client.getInputStream(), 1)).isEqualTo("x");
            long before = System.nanoTime();
            assertThat(client.getInputStream().read()).as("closed by the proxy once idle").isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - before)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
            assertThat(proxy.stat(P + "idle_timeout")).isEqualTo(1);
            await("the upstream closed too", () -> proxy.stat(C + "upstream_cx_active") == 0);
        }
    }

    @Test
    void noEndpointClosesTheConnection() throws Exception {
        try (TcpProxyHarness proxy = TcpProxyHarness.builder(TcpProxyHarness.echoConfig()).start();
                Socket client = connect(proxy)) {
            assertThat(client.getInputStream().read()).isEqualTo(-1);
            assertThat(proxy.stat(C + "upstream_cx_none_healthy")).isEqualTo(1);
            await("the access log line", () -> !proxy.logLines().isEmpty());
            assertThat(proxy.logLines().get(0)).contains("\"- - -\" 0 UH 0 0 ");
        }
    }

    @Test
    void unknownClusterClosesTheConnection() throws Exception {
        try (TcpProxyHarness proxy = TcpProxyHarness.builder(TcpProxyHarness.echoConfig())
                .edit(p -> p.toBuilder().setCluster("outbound|1||missing.default.svc.cluster.local").build()).start();
                Socket client = connect(proxy)) {
            assertThat(client.getInputStream().read()).isEqualTo(-1);
            assertThat(proxy.stat(P + "downstream_cx_no_route")).isEqualTo(1);
            await("the access log line", () -> !proxy.logLines().isEmpty());
            assertThat(proxy.logLines().get(0)).contains(" 0 NC 0 0 ");
        }
    }

    @Test
    void refusedConnectClosesAfterMaxConnectAttempts() throws Exception {
        int port = closedPort();
        try (TcpProxyHarness proxy = TcpProxyHarness.builder(TcpProxyHarness.echoConfig())
                .upstreams("tcp-echo:9000=127.0.0.1:" + port)
                .edit(p -> p.toBuilder().setMaxConnectAttempts(UInt32Value.of(3)).build()).start();
                Socket client = connect(proxy)) {
            assertThat(client.getInputStream().read()).isEqualTo(-1);
            assertThat(proxy.stat(C + "upstream_cx_connect_fail")).as("three attempts").isEqualTo(3);
            assertThat(proxy.stat(C + "upstream_cx_connect_attempts_exceeded")).isEqualTo(1);
            assertThat(proxy.stat(C + "upstream_cx_total")).isZero();
            await("the access log line", () -> !proxy.logLines().isEmpty());
            assertThat(proxy.logLines().get(0)).as("Envoy's flags for a refused connect: failure, retries exhausted")
                    .contains("\"- - -\" 0 UF,URX ").endsWith("\"127.0.0.1:" + port + "\"");
        }
    }

    @Test
    void defaultIsOneConnectAttempt() throws Exception {
        try (TcpProxyHarness proxy = TcpProxyHarness.builder(TcpProxyHarness.echoConfig())
                .upstreams("tcp-echo:9000=127.0.0.1:" + closedPort()).start();
                Socket client = connect(proxy)) {
            assertThat(client.getInputStream().read()).isEqualTo(-1);
            assertThat(proxy.stat(C + "upstream_cx_connect_fail")).isEqualTo(1);
        }
    }

    @Test
    void weightedClustersSplitConnectionsByWeight() throws Exception {
        String config = TcpProxyHarness.config("""
                - match: [{port: 31400}]
                  route:
                  - destination: {host: heavy, port: {number: 9000}}
                    weight: 80
                  - destination: {host: light, port: {number: 9000}}
                    weight: 20
                """, "heavy", "light");
        TcpTestServer.Conversation hello = socket -> socket.getOutputStream().write('!');
        int connections = 200;
        try (TcpTestServer heavy = new TcpTestServer(hello);
                TcpTestServer light = new TcpTestServer(hello);
                TcpProxyHarness proxy = TcpProxyHarness.builder(config)
                        .upstreams(heavy.upstream("heavy:9000"), light.upstream("light:9000")).start()) {
            for (int i = 0; i < connections; i++) {
                try (Socket client = connect(proxy)) {
                    assertThat(client.getInputStream().read()).isEqualTo('!');
                }
            }
            assertThat(heavy.accepted.get() + light.accepted.get()).isEqualTo(connections);
            assertThat(heavy.accepted.get()).as("80 of 100 by weight, within what chance allows")
                    .isBetween(135, 185);
        }
    }

    @Test
    void statsAndAccessLogDescribeTheConnection() throws Exception {
        try (TcpTestServer echo = TcpTestServer.echo();
                TcpProxyHarness proxy = TcpProxyHarness.builder(TcpProxyHarness.echoConfig())
                        .upstreams(echo.upstream("tcp-echo:9000")).start()) {
            try (Socket client = connect(proxy)) {
                client.getOutputStream().write("0123456789".getBytes(StandardCharsets.UTF_8));
                assertThat(readExactly(client.getInputStream(), 10)).isEqualTo("0123456789");
                assertThat(proxy.stat(C + "upstream_cx_active")).isEqualTo(1);
                client.shutdownOutput();
                assertThat(client.getInputStream().read()).isEqualTo(-1);
            }
            await("the access log line", () -> !proxy.logLines().isEmpty());
            assertThat(proxy.values()).containsEntry(P + "downstream_cx_total", 1L)
                    .containsEntry(P + "downstream_cx_rx_bytes_total", 10L)
                    .containsEntry(P + "downstream_cx_tx_bytes_total", 10L)
                    .containsEntry(P + "idle_timeout", 0L)
                    .containsEntry(C + "upstream_cx_total", 1L)
                    .containsEntry(C + "upstream_cx_active", 0L)
                    .containsEntry(C + "upstream_cx_connect_fail", 0L);
            List<String> lines = proxy.logLines();
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0)).as("Envoy's default format, HTTP fields as -")
                    .matches("\\[\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z] \"- - -\" 0 - 10 10 \\d+ - "
                            + "\"-\" \"-\" \"-\" \"-\" \"127\\.0\\.0\\.1:" + echo.port() + "\"");
        }
    }

    @Test
    void upstreamCloseEndsTheDownstreamAfterFlushing() throws Exception {
        byte[] goodbye = new byte[256 * 1024];
        java.util.Arrays.fill(goodbye, (byte) 'g');
        TcpTestServer.Conversation talkAndClose = socket -> socket.getOutputStream().write(goodbye);
        try (TcpTestServer server = new TcpTestServer(talkAndClose);
                TcpProxyHarness proxy = TcpProxyHarness.builder(TcpProxyHarness.echoConfig())
                        .upstreams(server.upstream("tcp-echo:9000")).start();
                Socket client = connect(proxy)) {
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            client.getInputStream().transferTo(got);
            assertThat(got.size()).as("every byte before the close").isEqualTo(goodbye.length);
        }
    }
}
