package io.gwctl.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.proxy.accesslog.AccessLog;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Envoy's response flags in the access log, one failure each: no route ({@code NR}), no endpoint
 * ({@code UH}), connection refused ({@code UF}), route timeout ({@code UT}), fault abort ({@code FI}) and
 * fault delay ({@code DI}); and per-try timeouts that a retry gets past.
 */
@Timeout(60)
class AccessLogFlagsTest {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private int get(GatewayFixture gw, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(gw.uri(80, path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void eachFailureIsLoggedWithItsFlag() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        String config = GatewayFixture.allHosts("""
                - match: [{uri: {prefix: /refused}}]
                  route: [{destination: {host: refused}}]
                - match: [{uri: {prefix: /empty}}]
                  route: [{destination: {host: empty}}]
                - match: [{uri: {prefix: /delay/}}]
                  timeout: 0.3s
                  route: [{destination: {host: a}}]
                - match: [{uri: {prefix: /abort}}]
                  fault: {abort: {httpStatus: 418, percentage: {value: 100}}}
                  route: [{destination: {host: a}}]
                - match: [{uri: {prefix: /injected-delay}}]
                  fault: {delay: {fixedDelay: 0.2s, percentage: {value: 100}}}
                  route: [{destination: {host: a}}]
                - match: [{uri: {prefix: /flaky}}]
                  retries: {attempts: 2, perTryTimeout: 0.3s, retryOn: "5xx"}
                  route: [{destination: {host: a}}]
                """, "a", "refused", "empty");
        try (TestBackend a = new TestBackend("a");
                GatewayFixture gw = GatewayFixture.start(config, AccessLog.to(log), a.upstream("a"),
                        "refused=127.0.0.1:" + closedPort)) {
            assertThat(get(gw, "/nowhere")).as("the VirtualService has no route for it").isEqualTo(404);
            assertThat(get(gw, "/refused")).isEqualTo(503);
            assertThat(get(gw, "/empty")).isEqualTo(503);
            assertThat(get(gw, "/delay/2000")).isEqualTo(504);
            assertThat(get(gw, "/abort")).isEqualTo(418);
            long start = System.nanoTime();
            assertThat(get(gw, "/injected-delay")).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
            assertThat(get(gw, "/flaky/1?perTry")).as("a 503, then a success on the retry").isEqualTo(200);

            String lines = awaitLines(log, 7);
            assertThat(lines.lines().filter(l -> l.contains("/nowhere")).findFirst().orElseThrow())
                    .as("the connection manager's headers are set before routing, so a 404 has them too")
                    .contains("\"127.0.0.1\"").containsPattern("\"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-");
            assertThat(lines).contains("\"GET /nowhere HTTP/1.1\" 404 NR ")
                    .contains("\"GET /refused HTTP/1.1\" 503 UF ")
                    .contains("\"GET /empty HTTP/1.1\" 503 UH ")
                    .contains("\"GET /delay/2000 HTTP/1.1\" 504 UT ")
                    .contains("\"GET /abort HTTP/1.1\" 418 FI ")
                    .contains("\"GET /injected-delay HTTP/1.1\" 200 DI ")
                    .contains("\"GET /flaky/1?perTry HTTP/1.1\" 200 - ");
        }
    }

    @Test
    void aPerTryTimeoutIsRetried() throws Exception {
        String config = GatewayFixture.allHosts("""
                - retries: {attempts: 3, perTryTimeout: 0.2s, retryOn: "5xx"}
                  timeout: 5s
                  route: [{destination: {host: a}}]
                """, "a");
        try (TestBackend a = new TestBackend("a"); GatewayFixture gw = GatewayFixture.start(config, a.upstream("a"))) {
            assertThat(get(gw, "/delay/1000")).as("every try times out: 504 once they are spent").isEqualTo(504);
            assertThat(a.requests.get()).as("the first try and three retries").isEqualTo(4);
        }
    }

    private static String awaitLines(ByteArrayOutputStream log, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String text = "";
        while (System.nanoTime() < deadline) {
            text = log.toString(StandardCharsets.UTF_8);
            if (text.lines().count() >= count) {
                return text;
            }
            Thread.sleep(20);
        }
        return text;
    }
}
