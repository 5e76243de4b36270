package io.gwctl.proxy.tcp;

import static io.gwctl.proxy.tcp.TcpProxySessionTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.proxy.GatewayAdmin;
import io.gwctl.proxy.GatewayFixture;
import io.gwctl.proxy.admin.AdminServer;
import io.gwctl.proxy.stats.Stat;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A DestinationRule's outlier detection on a Gateway TCP server, through the gateway's real listener: refused
 * connects to one endpoint count as gateway errors until it is ejected (shown in the admin {@code /clusters}),
 * connections then all go to the healthy endpoint, and the ejected one is picked again once
 * {@code baseEjectionTime} has passed (envoyproxy/envoy source/common/tcp_proxy/tcp_proxy.cc reporting to
 * source/common/upstream/outlier_detection_impl.cc).
 */
@Timeout(60)
class TcpOutlierDetectionTest {

    private static final String CLUSTER = TcpProxyHarness.CLUSTER;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static String config() {
        return TcpProxyHarness.echoConfig() + """
                ---
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: tcp-echo, namespace: default}
                spec:
                  host: tcp-echo
                  trafficPolicy:
                    loadBalancer: {simple: ROUND_ROBIN}
                    outlierDetection:
                      consecutive5xxErrors: 2
                      interval: 0.1s
                      baseEjectionTime: 1s
                      maxEjectionPercent: 100
                """;
    }

    /** One connection through the gateway: true when the echo answered, false when the proxy closed it. */
    private static boolean echoed(GatewayFixture gw) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), gw.port(31400))) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write('x');
            out.flush();
            return s.getInputStream().read() == 'x';
        } catch (IOException e) {
            // The proxy may close before the byte is written: a reset is a refused connection too.
            return false;
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private String clusters(URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long stat(GatewayFixture gw, String name) {
        return gw.proxy().stats().snapshot().stream().filter(s -> s.type() != Stat.Type.HISTOGRAM)
                .filter(s -> s.name().equals(name)).findFirst().orElseThrow().value();
    }

    @Test
    void refusedConnectsEjectTheEndpointUntilTheBaseEjectionTimeHasPassed() throws Exception {
        int refused = closedPort();
        String refusedHost = CLUSTER + "::127.0.0.1:" + refused;
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (TcpTestServer echo = TcpTestServer.echo();
                GatewayFixture gw = GatewayFixture.start(config(), echo.upstream("tcp-echo"),
                        "tcp-echo=127.0.0.1:" + refused);
                AdminServer admin = AdminServer.start(new InetSocketAddress("127.0.0.1", 0),
                        new GatewayAdmin(gw.proxy()), group)) {
            URI uri = URI.create("http://127.0.0.1:" + admin.address().getPort() + "/clusters");
            assertThat(clusters(uri)).contains(refusedHost + "::health_flags::healthy");

            for (int i = 0; i < 4; i++) {
                echoed(gw);
            }
            await("the refused endpoint is ejected after two connect failures",
                    () -> clusters(uri).contains(refusedHost + "::health_flags::/failed_outlier_check"));
            long ejectedAt = System.nanoTime();
            long failures = stat(gw, "cluster." + CLUSTER + ".upstream_cx_connect_fail");
            assertThat(failures).as("round robin sent every other connection to the refused port").isEqualTo(2);
            for (int i = 0; i < 6; i++) {
                assertThat(echoed(gw)).as("connection %d goes to the healthy endpoint", i).isTrue();
            }
            assertThat(stat(gw, "cluster." + CLUSTER + ".upstream_cx_connect_fail")).isEqualTo(failures);
            assertThat(clusters(uri)).contains(CLUSTER + "::127.0.0.1:" + echo.port() + "::health_flags::healthy");
            assertThat(stat(gw, "cluster." + CLUSTER + ".outlier_detection.ejections_active")).isEqualTo(1);

            await("the endpoint is back after base_ejection_time",
                    () -> clusters(uri).contains(refusedHost + "::health_flags::healthy"));
            assertThat(Duration.ofNanos(System.nanoTime() - ejectedAt)).isGreaterThan(Duration.ofMillis(800));
            int answered = 0;
            for (int i = 0; i < 2; i++) {
                answered += echoed(gw) ? 1 : 0;
            }
            assertThat(answered).as("round robin reaches the returned endpoint again").isEqualTo(1);
            assertThat(stat(gw, "cluster." + CLUSTER + ".upstream_cx_connect_fail")).isEqualTo(failures + 1);
            assertThat(stat(gw, "cluster." + CLUSTER + ".outlier_detection.ejections_enforced_total"))
                    .isEqualTo(1);
        } finally {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
        }
    }
}
