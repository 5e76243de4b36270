package io.gwctl.proxy.tcp;

import static io.gwctl.proxy.tcp.TcpProxySessionTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A DestinationRule's connection limit and outlier detection on TCP connections, as Envoy's tcp_proxy applies
 * them (envoyproxy/envoy source/common/tcp_proxy/tcp_proxy.cc: the {@code max_connections} check before a host
 * is picked, and each connect's outcome put to the host's outlier detector).
 */
@Timeout(60)
class TcpClusterPoliciesTest {

    private static final String C = "cluster." + TcpProxyHarness.CLUSTER + ".";

    private static String withPolicy(String trafficPolicy) {
        return TcpProxyHarness.echoConfig() + """
                ---
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: tcp-echo, namespace: default}
                spec:
                  host: tcp-echo
                  trafficPolicy:
                """ + trafficPolicy.indent(4);
    }

    private static Socket connect(TcpProxyHarness proxy) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
        s.setSoTimeout(10_000);
        return s;
    }

    /** Sends a line and reads its echo: the connection reached the server. */
    private static String echo(Socket s, String line) throws IOException {
        s.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        InputStream in = s.getInputStream();
        return new String(in.readNBytes(line.length() + 1), StandardCharsets.UTF_8).strip();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void aConnectionOverMaxConnectionsIsClosedAtOnceAndItsPlaceFreedByAClose() throws Exception {
        try (TcpTestServer echo = TcpTestServer.echo();
                TcpProxyHarness proxy = TcpProxyHarness.builder(withPolicy("""
                        connectionPool:
                          tcp: {maxConnections: 1}
                        """)).upstreams(echo.upstream("tcp-echo:9000")).start()) {
            try (Socket first = connect(proxy)) {
                assertThat(echo(first, "one")).isEqualTo("one");
                try (Socket second = connect(proxy)) {
                    assertThat(second.getInputStream().read()).as("closed without connecting").isEqualTo(-1);
                }
                assertThat(proxy.stat(C + "upstream_cx_overflow")).isEqualTo(1);
                assertThat(echo.accepted.get()).as("the server saw one connection").isEqualTo(1);
                await("the refused connection's log line", () -> proxy.logLines().stream().anyMatch(
                        l -> l.contains("\"- - -\" 0 UO 0 0 ")));
            }
            await("the first connection's upstream closed", () -> proxy.stat(C + "upstream_cx_active") == 0);
            try (Socket third = connect(proxy)) {
                assertThat(echo(third, "three")).as("the closed connection freed its place").isEqualTo("three");
            }
        }
    }

    /** A listening socket on {@code port}; the kernel completes connections to it without an accept. */
    private static ServerSocket listen(int port) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 8);
        return s;
    }

    private static void refused(TcpProxyHarness proxy, int logLines) throws Exception {
        try (Socket s = connect(proxy)) {
            assertThat(s.getInputStream().read()).as("refused upstream: closed").isEqualTo(-1);
        }
        await("the refused connection's log line", () -> proxy.logLines().size() == logLines);
    }

    @Test
    void aConnectThatSucceedsEndsTheStreakAndTwoRefusalsInARowEject() throws Exception {
        int port = closedPort();
        try (TcpProxyHarness proxy = TcpProxyHarness.builder(withPolicy("""
                outlierDetection:
                  consecutive5xxErrors: 2
                  interval: 0.1s
                  baseEjectionTime: 30s
                  maxEjectionPercent: 100
                """)).upstreams("tcp-echo:9000=127.0.0.1:" + port).start()) {
            refused(proxy, 1);
            try (ServerSocket up = listen(port); Socket s = connect(proxy)) {
                await("connected", () -> proxy.stat(C + "upstream_cx_total") == 1);
            }
            await("the connection's log line", () -> proxy.logLines().size() == 2);
            refused(proxy, 3);
            try (ServerSocket up = listen(port); Socket s = connect(proxy)) {
                await("connected: one refusal after a success is no streak",
                        () -> proxy.stat(C + "upstream_cx_total") == 2);
            }
            assertThat(proxy.stat(C + "upstream_cx_none_healthy")).isZero();
            await("the connection's log line", () -> proxy.logLines().size() == 4);

            refused(proxy, 5);
            refused(proxy, 6);
            await("two refusals in a row eject the endpoint",
                    () -> proxy.stat(C + "outlier_detection.ejections_active") == 1);
            try (Socket s = connect(proxy)) {
                assertThat(s.getInputStream().read()).isEqualTo(-1);
            }
            assertThat(proxy.stat(C + "upstream_cx_none_healthy"))
                    .as("its only endpoint ejected and the panic threshold off (Istio's default): UH").isEqualTo(1);
        }
    }

    @Test
    void aDestinationRuleHashingBySourceIpKeepsAClientOnOneEndpoint() throws Exception {
        try (TcpTestServer one = TcpTestServer.echo();
                TcpTestServer two = TcpTestServer.echo();
                TcpProxyHarness proxy = TcpProxyHarness.builder(withPolicy("""
                        loadBalancer: {consistentHash: {useSourceIp: true}}
                        """)).upstreams(one.upstream("tcp-echo:9000"), two.upstream("tcp-echo:9000")).start()) {
            for (int i = 0; i < 12; i++) {
                try (Socket s = connect(proxy)) {
                    assertThat(echo(s, "n" + i)).isEqualTo("n" + i);
                }
            }
            assertThat(List.of(one.accepted.get(), two.accepted.get()))
                    .as("every connection from 127.0.0.1 hashed to the same endpoint").containsExactlyInAnyOrder(0, 12);
        }
    }
}
