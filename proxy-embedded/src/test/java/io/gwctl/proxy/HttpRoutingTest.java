package io.gwctl.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class HttpRoutingTest {

    private static final String HTTPBIN = GatewayFixture.httpbinSample();

    private HttpServer backend;
    // HTTP/1.1: over HTTP/2 the JDK client would send the Host header beside :authority.
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void startBackend() throws IOException {
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backend.createContext("/", exchange -> {
            byte[] body = ("path=" + exchange.getRequestURI() + " host=" + exchange.getRequestHeaders().getFirst("Host")
                    + " xff=" + exchange.getRequestHeaders().getFirst("X-Forwarded-For")).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("x-backend-name", "httpbin");
            int status = exchange.getRequestURI().getPath().startsWith("/status/")
                    ? Integer.parseInt(exchange.getRequestURI().getPath().substring(8)) : 200;
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        backend.start();
    }

    @AfterEach
    void stopBackend() {
        backend.stop(0);
    }

    private String upstream() {
        return "httpbin:8000=127.0.0.1:" + backend.getAddress().getPort();
    }

    @Test
    void routesByHostAndPathAndAnswers404Otherwise() throws Exception {
        try (GatewayFixture gw = GatewayFixture.start(HTTPBIN, upstream())) {
            HttpResponse<String> ok = client.send(HttpRequest.newBuilder(gw.uri(80, "/status/200"))
                    .header("Host", "httpbin.example.com").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
            assertThat(ok.headers().firstValue("x-backend-name")).hasValue("httpbin");
            assertThat(ok.headers().firstValue("x-envoy-upstream-service-time")).isPresent();
            assertThat(ok.body()).contains("path=/status/200").contains("host=httpbin.example.com")
                    .as("the gateway appends the peer (use_remote_address)").contains("xff=127.0.0.1");

            HttpResponse<String> wrongHost = client.send(HttpRequest.newBuilder(gw.uri(80, "/status/200")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(wrongHost.statusCode()).as("no virtual host for 127.0.0.1").isEqualTo(404);

            HttpResponse<String> dotted = client.send(HttpRequest.newBuilder(gw.uri(80, "/headers/../status/201"))
                    .header("Host", "httpbin.example.com").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(dotted.statusCode()).as("normalize_path: routed and sent as /status/201").isEqualTo(201);

            HttpResponse<String> wrongPath = client.send(HttpRequest.newBuilder(gw.uri(80, "/headers"))
                    .header("Host", "httpbin.example.com").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(wrongPath.statusCode()).as("no route for /headers").isEqualTo(404);
        }
    }

    @Test
    void clusterWithoutEndpointsAnswers503() throws Exception {
        try (GatewayFixture gw = GatewayFixture.start(HTTPBIN)) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(gw.uri(80, "/status/200"))
                    .header("Host", "httpbin.example.com").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.body()).isEqualTo("no healthy upstream");
        }
    }
}
