package io.gwctl.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.gwctl.translate.envoy.GatewayOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Istio's egress gateway pattern: a ServiceEntry with {@code resolution: DNS} for an external host, a Gateway on
 * the egress gateway, and a VirtualService sending mesh traffic to the egress gateway and the gateway's traffic
 * to the external host. The data plane resolves the ServiceEntry's endpoint ({@code localhost}, from
 * {@code /etc/hosts}) as Envoy's {@code STRICT_DNS} cluster does.
 */
@Timeout(30)
class EgressDnsTest {

    private static final GatewayOptions EGRESS = new GatewayOptions(Map.of("istio", "egressgateway"),
            Optional.empty(), "cluster.local");

    private HttpServer backend;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void startBackend() throws IOException {
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backend.createContext("/", exchange -> {
            byte[] body = ("external host=" + exchange.getRequestHeaders().getFirst("Host"))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        backend.start();
    }

    @AfterEach
    void stopBackend() {
        backend.stop(0);
    }

    private String config() {
        return """
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata: {name: api-external, namespace: default}
                spec:
                  hosts: [api.external.test]
                  location: MESH_EXTERNAL
                  resolution: DNS
                  ports: [{number: 80, name: http, protocol: HTTP}]
                  endpoints: [{address: localhost, ports: {http: %d}}]
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: istio-egressgateway, namespace: istio-system}
                spec:
                  selector: {istio: egressgateway}
                  ports: [{name: http, port: 80}]
                ---
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: egress, namespace: default}
                spec:
                  selector: {istio: egressgateway}
                  servers:
                  - port: {number: 80, name: http, protocol: HTTP}
                    hosts: [api.external.test]
                ---
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: via-egress, namespace: default}
                spec:
                  hosts: [api.external.test]
                  gateways: [mesh, egress]
                  http:
                  - match: [{gateways: [mesh], port: 80}]
                    route: [{destination: {host: istio-egressgateway.istio-system.svc.cluster.local, port: {number: 80}}}]
                  - match: [{gateways: [egress], port: 80}]
                    route: [{destination: {host: api.external.test, port: {number: 80}}}]
                """.formatted(backend.getAddress().getPort());
    }

    @Test
    void egressGatewayReachesTheResolvedExternalHost() throws Exception {
        try (GatewayFixture gw = GatewayFixture.start(config(), EGRESS)) {
            assertThat(gw.proxy().runtime().dns().hosts()).containsExactly("localhost");

            HttpResponse<String> external = client.send(HttpRequest.newBuilder(gw.uri(80, "/get"))
                    .header("Host", "api.external.test").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(external.statusCode()).as(external.body()).isEqualTo(200);
            assertThat(external.body()).isEqualTo("external host=api.external.test");

            HttpResponse<String> unknown = client.send(HttpRequest.newBuilder(gw.uri(80, "/get"))
                    .header("Host", "other.external.test").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(unknown.statusCode()).as("no ServiceEntry, no route: Envoy's NR").isEqualTo(404);
        }
    }
}
