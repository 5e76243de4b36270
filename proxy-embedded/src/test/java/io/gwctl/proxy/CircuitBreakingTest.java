package io.gwctl.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.proxy.accesslog.AccessLog;
import io.gwctl.proxy.stats.Stat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** DestinationRule connection pool limits as Envoy's circuit breakers: over a limit, 503 with flag UO at once. */
@Timeout(60)
class CircuitBreakingTest {

    private static final String CLUSTER = "cluster.outbound|80||slow.default.svc.cluster.local.";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private TestBackend slow;

    @BeforeEach
    void backend() throws IOException {
        slow = new TestBackend("slow");
    }

    @AfterEach
    void stop() {
        slow.close();
    }

    private static String config(String connectionPool) {
        return GatewayFixture.allHosts("- route: [{destination: {host: slow}}]", "slow") + """
                ---
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: slow, namespace: default}
                spec:
                  host: slow
                  trafficPolicy:
                    connectionPool:
                """ + connectionPool.indent(6);
    }

    private CompletableFuture<HttpResponse<String>> send(GatewayFixture gw, String path) {
        return client.sendAsync(HttpRequest.newBuilder(gw.uri(80, path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static long stat(GatewayFixture gw, String name) {
        return gw.proxy().stats().snapshot().stream().filter(s -> s.name().equals(CLUSTER + name))
                .mapToLong(Stat::value).findFirst().orElse(-1);
    }

    /** Waits until the backend has the first request, so the next one finds it in flight. */
    private void awaitRequests(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (slow.requests.get() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(slow.requests.get()).as("the backend got the first request").isGreaterThanOrEqualTo(count);
    }

    @Test
    void overMaxRequestsTheSecondConcurrentRequestGets503UoAtOnce() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (GatewayFixture gw = GatewayFixture.start(config("http: {http2MaxRequests: 1}"), AccessLog.to(log),
                slow.upstream("slow"))) {
            CompletableFuture<HttpResponse<String>> first = send(gw, "/delay/1500");
            awaitRequests(1);
            long start = System.nanoTime();
            HttpResponse<String> second = send(gw, "/second").get();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("answered without waiting for the first")
                    .isLessThan(Duration.ofMillis(1000));
            assertThat(second.statusCode()).isEqualTo(503);
            assertThat(second.headers().firstValue("x-envoy-overloaded")).hasValue("true");
            assertThat(second.body()).endsWith("reset reason: overflow");
            assertThat(first.get().statusCode()).isEqualTo(200);
            assertThat(stat(gw, "upstream_rq_pending_overflow")).isEqualTo(1);
            assertThat(slow.requests.get()).as("the refused request never reached the backend").isEqualTo(1);
            assertThat(send(gw, "/after").get().statusCode()).as("the slot is free again").isEqualTo(200);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!log.toString(StandardCharsets.UTF_8).contains("/second") && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(log.toString(StandardCharsets.UTF_8)).contains("\"GET /second HTTP/1.1\" 503 UO ");
        }
    }

    @Test
    void overMaxConnectionsARequestWaitsWithinMaxPendingAndTheNextOverflows() throws Exception {
        try (GatewayFixture gw = GatewayFixture.start(
                config("tcp: {maxConnections: 1}\nhttp: {http1MaxPendingRequests: 1}"), slow.upstream("slow"))) {
            CompletableFuture<HttpResponse<String>> first = send(gw, "/delay/1000");
            awaitRequests(1);
            CompletableFuture<HttpResponse<String>> waiting = send(gw, "/delay/1");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (stat(gw, "upstream_cx_overflow") < 1 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(stat(gw, "upstream_cx_overflow")).as("the second request found no connection to open")
                    .isEqualTo(1);
            HttpResponse<String> third = send(gw, "/third").get();
            assertThat(third.statusCode()).as("no room left to wait").isEqualTo(503);
            assertThat(third.headers().firstValue("x-envoy-overloaded")).hasValue("true");
            assertThat(first.get().statusCode()).isEqualTo(200);
            assertThat(waiting.get().statusCode()).as("served on the first request's connection").isEqualTo(200);
            assertThat(stat(gw, "upstream_cx_total")).isEqualTo(1);
            assertThat(stat(gw, "upstream_rq_pending_overflow")).isEqualTo(1);
        }
    }
}
