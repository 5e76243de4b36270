package io.gwctl.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** DestinationRule consistent hash: the same key reaches the same endpoint while the endpoints are unchanged. */
@Timeout(60)
class ConsistentHashTest {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private TestBackend a;
    private TestBackend b;
    private TestBackend c;

    @BeforeEach
    void backends() throws IOException {
        a = new TestBackend("a");
        b = new TestBackend("b");
        c = new TestBackend("c");
    }

    @AfterEach
    void stop() {
        a.close();
        b.close();
        c.close();
    }

    private GatewayFixture gateway(String loadBalancer) throws InterruptedException {
        String yaml = GatewayFixture.allHosts("- route: [{destination: {host: web}}]", "web") + """
                ---
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: web, namespace: default}
                spec:
                  host: web
                  trafficPolicy:
                    loadBalancer:
                """ + loadBalancer.indent(6);
        return GatewayFixture.start(yaml, a.upstream("web"), b.upstream("web"), c.upstream("web"));
    }

    private HttpResponse<String> get(GatewayFixture gw, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gw.uri(80, "/")).timeout(Duration.ofSeconds(10));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String backend(HttpResponse<String> r) {
        return r.headers().firstValue("x-backend-name").orElse("-");
    }

    private void assertStickyPerHeader(GatewayFixture gw) throws Exception {
        Set<String> used = new HashSet<>();
        for (int user = 0; user < 20; user++) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < 5; i++) {
                seen.add(backend(get(gw, "x-user", "user-" + user)));
            }
            assertThat(seen).as("user-%d always reaches one backend", user).hasSize(1);
            used.addAll(seen);
        }
        assertThat(used).as("different keys spread over the backends").hasSizeGreaterThan(1);
    }

    @Test
    void ringHashByHeaderIsSticky() throws Exception {
        try (GatewayFixture gw = gateway("consistentHash: {httpHeaderName: x-user}")) {
            assertStickyPerHeader(gw);
        }
    }

    @Test
    void maglevByHeaderIsSticky() throws Exception {
        try (GatewayFixture gw = gateway("consistentHash: {httpHeaderName: x-user, maglev: {tableSize: 65537}}")) {
            assertStickyPerHeader(gw);
        }
    }

    @Test
    void aCookieWithTtlIsSetWhenAbsentAndKeepsTheClientOnItsEndpoint() throws Exception {
        try (GatewayFixture gw = gateway("consistentHash: {httpCookie: {name: session, path: /, ttl: 60s}}")) {
            HttpResponse<String> first = get(gw);
            String setCookie = first.headers().firstValue("set-cookie").orElseThrow();
            assertThat(setCookie).matches("session=\"[0-9a-f]{16}\"; Max-Age=60; Path=/; HttpOnly");
            String cookie = setCookie.substring(0, setCookie.indexOf(';'));
            for (int i = 0; i < 10; i++) {
                HttpResponse<String> next = get(gw, "cookie", cookie);
                assertThat(backend(next)).as("the cookie's endpoint").isEqualTo(backend(first));
                assertThat(next.headers().firstValue("set-cookie")).as("the client has it already").isEmpty();
            }
            Set<String> used = new HashSet<>();
            for (int i = 0; i < 30; i++) {
                used.add(backend(get(gw, "cookie", "session=client-" + i)));
            }
            assertThat(used).hasSizeGreaterThan(1);
        }
    }
}
