package io.gwctl.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * VirtualService HTTP features through the running gateway, each as Istio renders it and Envoy serves it,
 * against real backends.
 */
@Timeout(60)
class RouteActionsTest {


    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private TestBackend a;
    private TestBackend b;

    @BeforeEach
    void backends() throws IOException {
        a = new TestBackend("a");
        b = new TestBackend("b");
    }

    @AfterEach
    void stop() {
        a.close();
        b.close();
    }

    private GatewayFixture gateway(String http) throws InterruptedException {
        return GatewayFixture.start(GatewayFixture.allHosts(http, "a", "b"), a.upstream("a"), b.upstream("b"));
    }

    private HttpResponse<String> get(GatewayFixture gw, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gw.uri(80, path)).timeout(Duration.ofSeconds(20));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void weightedDestinationsSplitWithinTolerance() throws Exception {
        try (GatewayFixture gw = gateway("""
                - route:
                  - {destination: {host: a}, weight: 80}
                  - {destination: {host: b}, weight: 20}
                """)) {
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < 500; i++) {
                seen.merge(get(gw, "/").headers().firstValue("x-backend-name").orElse("?"), 1, Integer::sum);
            }
            // 500 draws at p=0.8: the standard deviation is about 9, so 40 is over four of them.
            assertThat(seen.getOrDefault("a", 0)).as("%s", seen).isBetween(360, 440);
            assertThat(seen.getOrDefault("b", 0)).as("%s", seen).isBetween(60, 140);
        }
    }

    @Test
    void cookieHeaderMatchPicksTheRouteAndOthersFallThrough() throws Exception {
        try (GatewayFixture gw = gateway("""
                - match:
                  - headers: {cookie: {regex: "^(.*?;)?(user=jason)(;.*)?$"}}
                  route: [{destination: {host: b}}]
                - route: [{destination: {host: a}}]
                """)) {
            assertThat(get(gw, "/", "cookie", "x=1;user=jason").headers().firstValue("x-backend-name")).hasValue("b");
            assertThat(get(gw, "/", "cookie", "user=bob").headers().firstValue("x-backend-name")).hasValue("a");
            assertThat(get(gw, "/").headers().firstValue("x-backend-name")).hasValue("a");
        }
    }

    @Test
    void prefixRewriteChangesThePathAndKeepsTheOriginal() throws Exception {
        try (GatewayFixture gw = gateway("""
                - match: [{uri: {prefix: /wpcatalog}}, {uri: {prefix: /consumercatalog}}]
                  rewrite: {uri: /newcatalog}
                  route: [{destination: {host: a}}]
                """)) {
            HttpResponse<String> r = get(gw, "/wpcatalog/item?id=1");
            assertThat(r.body()).isEqualTo("a /newcatalog/item?id=1 127.0.0.1:" + gw.port(80));
            assertThat(a.lastHeaders).containsEntry("x-envoy-original-path", "/wpcatalog/item?id=1");
        }
    }

    @Test
    void redirectAndDirectResponseAreAnsweredByTheGateway() throws Exception {
        try (GatewayFixture gw = gateway("""
                - match: [{uri: {exact: /old}}]
                  redirect: {uri: /new, authority: example.org}
                - match: [{uri: {exact: /teapot}}]
                  directResponse: {status: 418, body: {string: "short and stout"}}
                """)) {
            HttpResponse<String> redirect = get(gw, "/old");
            assertThat(redirect.statusCode()).isEqualTo(301);
            assertThat(redirect.headers().firstValue("location")).hasValue("http://example.org/new");
            HttpResponse<String> direct = get(gw, "/teapot");
            assertThat(direct.statusCode()).isEqualTo(418);
            assertThat(direct.body()).isEqualTo("short and stout");
            assertThat(a.requests.get() + b.requests.get()).as("no backend was asked").isZero();
        }
    }

    @Test
    void headerOperationsOnRequestAndResponse() throws Exception {
        try (GatewayFixture gw = gateway("""
                - headers:
                    request: {set: {x-set: "1"}, add: {x-added: "2"}, remove: [x-drop]}
                    response: {set: {x-resp: "3"}, remove: [x-backend-name]}
                  route: [{destination: {host: a}}]
                """)) {
            HttpResponse<String> r = get(gw, "/", "x-drop", "gone", "x-set", "0");
            assertThat(a.lastHeaders).containsEntry("x-set", "1").containsEntry("x-added", "2")
                    .doesNotContainKey("x-drop").containsKey("x-request-id").containsEntry("x-forwarded-proto", "http");
            assertThat(r.headers().firstValue("x-resp")).hasValue("3");
            assertThat(r.headers().firstValue("x-backend-name")).isEmpty();
        }
    }

    @Test
    void faultDelayBeyondTheTimeoutGives504() throws Exception {
        try (GatewayFixture gw = gateway("""
                - timeout: 0.5s
                  route: [{destination: {host: a}}]
                """)) {
            long start = System.nanoTime();
            HttpResponse<String> r = get(gw, "/delay/3000");
            assertThat(r.statusCode()).isEqualTo(504);
            assertThat(r.body()).isEqualTo("upstream request timeout");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
        }
    }

    @Test
    void faultAbortAnswersWithItsStatus() throws Exception {
        try (GatewayFixture gw = gateway("""
                - fault: {abort: {httpStatus: 403, percentage: {value: 100}}}
                  route: [{destination: {host: a}}]
                """)) {
            HttpResponse<String> r = get(gw, "/");
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.body()).isEqualTo("fault filter abort");
            assertThat(a.requests.get()).isZero();
        }
    }

    @Test
    void retriesAgainstABackendThatFailsTheFirstAttempt() throws Exception {
        try (GatewayFixture gw = gateway("""
                - retries: {attempts: 2, retryOn: 5xx}
                  route: [{destination: {host: a}}]
                """)) {
            HttpResponse<String> r = get(gw, "/flaky/1?k1");
            assertThat(r.statusCode()).as("the second attempt succeeds").isEqualTo(200);
            assertThat(a.lastHeaders).containsEntry("x-envoy-attempt-count", "2");
            HttpResponse<String> exhausted = get(gw, "/flaky/5?k2");
            assertThat(exhausted.statusCode()).as("three attempts all fail").isEqualTo(503);
        }
    }

    @Test
    void corsPreflightIsAnsweredAndActualRequestsGetTheOrigin() throws Exception {
        try (GatewayFixture gw = gateway("""
                - corsPolicy:
                    allowOrigins: [{exact: "https://app.example.com"}]
                    allowMethods: [GET, POST]
                    maxAge: 24h
                  route: [{destination: {host: a}}]
                """)) {
            HttpResponse<String> preflight = client.send(HttpRequest.newBuilder(gw.uri(80, "/"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("origin", "https://app.example.com")
                    .header("access-control-request-method", "POST").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(preflight.statusCode()).isEqualTo(200);
            assertThat(preflight.headers().firstValue("access-control-allow-origin")).hasValue("https://app.example.com");
            assertThat(preflight.headers().firstValue("access-control-allow-methods")).hasValue("GET,POST");
            assertThat(a.requests.get()).as("the preflight never reaches the backend").isZero();
            HttpResponse<String> actual = get(gw, "/", "origin", "https://app.example.com");
            assertThat(actual.headers().firstValue("access-control-allow-origin")).hasValue("https://app.example.com");
            HttpResponse<String> other = get(gw, "/", "origin", "https://evil.example.com");
            assertThat(other.headers().firstValue("access-control-allow-origin")).isEmpty();
        }
    }

    @Test
    void mirrorSendsAShadowCopy() throws Exception {
        try (GatewayFixture gw = gateway("""
                - route: [{destination: {host: a}}]
                  mirror: {host: b}
                """)) {
            assertThat(get(gw, "/mirrored", "host", "shop.example.com").statusCode()).isEqualTo(200);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (b.requests.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(b.lastHeaders).containsEntry("host", "shop.example.com-shadow");
        }
    }
}
