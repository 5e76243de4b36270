package io.gwctl.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.proxy.admin.AdminServer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** DestinationRule outlier detection: a failing endpoint is ejected, shown in /clusters, and comes back. */
@Timeout(60)
class OutlierDetectionTest {

    private static final String CLUSTER = "outbound|80||web.default.svc.cluster.local";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private TestBackend good;
    private TestBackend bad;

    @BeforeEach
    void backends() throws IOException {
        good = new TestBackend("good");
        bad = new TestBackend("bad");
    }

    @AfterEach
    void stop() {
        good.close();
        bad.close();
    }

    private static String config(String outlier) {
        return GatewayFixture.allHosts("- route: [{destination: {host: web}}]", "web") + """
                ---
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: web, namespace: default}
                spec:
                  host: web
                  trafficPolicy:
                    loadBalancer: {simple: ROUND_ROBIN}
                    outlierDetection:
                """ + outlier.indent(6);
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Set<String> backendsOf(GatewayFixture gw, int requests) throws Exception {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < requests; i++) {
            seen.add(get(gw.uri(80, "/")).headers().firstValue("x-backend-name").orElse("-"));
        }
        return seen;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }

    @Test
    void consecutive5xxEjectsTheEndpointUntilTheBaseEjectionTimeHasPassed() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (GatewayFixture gw = GatewayFixture.start(config("""
                consecutive5xxErrors: 2
                interval: 0.1s
                baseEjectionTime: 1s
                maxEjectionPercent: 100
                """), good.upstream("web"), bad.upstream("web"));
                AdminServer admin = AdminServer.start(new InetSocketAddress("127.0.0.1", 0),
                        new GatewayAdmin(gw.proxy()), group)) {
            URI clusters = URI.create("http://127.0.0.1:" + admin.address().getPort() + "/clusters");
            String badHost = CLUSTER + "::127.0.0.1:" + bad.port();
            bad.failWith = 503;
            for (int i = 0; i < 4; i++) {
                get(gw.uri(80, "/"));
            }
            await(() -> bad.requests.get() >= 2 && ejected(clusters, badHost), "the failing endpoint is ejected");
            long ejectedAt = System.nanoTime();
            int before = bad.requests.get();
            assertThat(backendsOf(gw, 10)).as("an ejected endpoint is not picked").containsExactly("good");
            assertThat(bad.requests.get()).isEqualTo(before);
            assertThat(text(clusters)).contains(CLUSTER + "::127.0.0.1:" + good.port() + "::health_flags::healthy");

            bad.failWith = 0;
            await(() -> !ejected(clusters, badHost), "the endpoint is back after base_ejection_time");
            assertThat(Duration.ofNanos(System.nanoTime() - ejectedAt)).isGreaterThan(Duration.ofMillis(800));
            assertThat(backendsOf(gw, 10)).containsExactlyInAnyOrder("good", "bad");
            assertThat(gw.proxy().stats().snapshot().stream().filter(s -> s.name().equals(
                    "cluster." + CLUSTER + ".outlier_detection.ejections_enforced_total")).findFirst()
                    .orElseThrow().value()).isEqualTo(1);
        } finally {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
        }
    }

    @Test
    void connectFailuresCountAsGatewayErrorsAndAllEjectedWithoutPanicIsNoHealthyUpstream() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (GatewayFixture gw = GatewayFixture.start(config("""
                consecutiveGatewayErrors: 1
                consecutive5xxErrors: 0
                interval: 10s
                baseEjectionTime: 30s
                maxEjectionPercent: 100
                """), "web=127.0.0.1:" + closedPort)) {
            assertThat(get(gw.uri(80, "/")).statusCode()).as("connect failure").isEqualTo(503);
            await(() -> {
                try {
                    HttpResponse<String> r = get(gw.uri(80, "/"));
                    return r.statusCode() == 503 && r.body().equals("no healthy upstream");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "the only endpoint is ejected and minHealthPercent 0 disables panic");
        }
    }

    private boolean ejected(URI clusters, String host) {
        return text(clusters).contains(host + "::health_flags::/failed_outlier_check");
    }

    private String text(URI uri) {
        try {
            return get(uri).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
