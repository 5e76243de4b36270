package io.gwctl.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway's other jobs, through the launcher: an egress gateway that sends a mesh's traffic for an
 * external host on to the ServiceEntry's endpoint (a DNS name the gateway resolves), and a raw TCP port.
 */
@Timeout(120)
class EgressAndTcpJourneyIT {

    @TempDir
    Path work;

    @Test
    void egressGatewayReachesTheServiceEntryAndRefusesOtherHosts() throws Exception {
        HttpServer external = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        external.createContext("/", exchange -> {
            byte[] body = "external api".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        external.start();
        try {
            Files.writeString(work.resolve("egress.yaml"), """
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
                    kind: Pod
                    metadata: {name: istio-egressgateway-1, namespace: istio-system, labels: {istio: egressgateway}}
                    spec:
                      containers: [{name: istio-proxy, image: istio/proxyv2}]
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
                        route: [{destination: {host: istio-egressgateway.istio-system.svc.cluster.local}}]
                      - match: [{gateways: [egress], port: 80}]
                        route: [{destination: {host: api.external.test, port: {number: 80}}}]
                    """.formatted(external.getAddress().getPort()));
            try (RunningGateway gw = RunningGateway.start(work, "-f", "egress.yaml", "--selector",
                    "istio=egressgateway", "--port-map", "80=0", "--admin-address", "off")) {
                Curl.Reply ok = Curl.get(gw.url() + "/v1/things", "-H", "Host: api.external.test");
                assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
                assertThat(ok.body()).isEqualTo("external api");
                Curl.Reply other = Curl.get(gw.url() + "/", "-H", "Host: unknown.example.org");
                assertThat(other.status()).as("a host with no ServiceEntry has no route: REGISTRY_ONLY")
                        .isEqualTo(404);
            }
        } finally {
            external.stop(0);
        }
    }

    @Test
    void tcpPortRelaysBytesBothWays() throws Exception {
        try (ServerSocket echo = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                try (Socket s = echo.accept()) {
                    s.getInputStream().transferTo(s.getOutputStream());
                } catch (IOException e) {
                    // The test ended first.
                }
            }, "echo");
            server.setDaemon(true);
            server.start();
            Files.writeString(work.resolve("tcp.yaml"), """
                    apiVersion: networking.istio.io/v1
                    kind: Gateway
                    metadata: {name: gw, namespace: default}
                    spec:
                      selector: {istio: ingressgateway}
                      servers:
                      - port: {number: 31400, name: tcp, protocol: TCP}
                        hosts: ["*"]
                    ---
                    apiVersion: v1
                    kind: Service
                    metadata: {name: tcp-echo, namespace: default}
                    spec:
                      ports: [{name: tcp, port: 9000}]
                    ---
                    apiVersion: networking.istio.io/v1
                    kind: VirtualService
                    metadata: {name: tcp-echo, namespace: default}
                    spec:
                      hosts: ["*"]
                      gateways: [gw]
                      tcp:
                      - match: [{port: 31400}]
                        route: [{destination: {host: tcp-echo, port: {number: 9000}}}]
                    """);
            try (RunningGateway gw = RunningGateway.start(work, "-f", "tcp.yaml", "--port-map", "31400=0",
                    "--upstream", "tcp-echo:9000=127.0.0.1:" + echo.getLocalPort(), "--admin-address", "off")) {
                assertThat(gw.url()).as("a TCP listener is named as one").startsWith("tcp://");
                URI uri = URI.create(gw.url());
                try (Socket client = new Socket(uri.getHost(), uri.getPort())) {
                    client.setSoTimeout(10_000);
                    client.getOutputStream().write("hello tcp".getBytes(StandardCharsets.US_ASCII));
                    client.shutdownOutput();
                    assertThat(new String(client.getInputStream().readAllBytes(), StandardCharsets.US_ASCII))
                            .isEqualTo("hello tcp");
                }
                assertThat(gw.awaitOutput("\"- - -\" 0 - 9 9 ")).as("one access log line per TCP connection, "
                        + "bytes each way\n" + gw.output()).isTrue();
                assertThat(gw.output()).contains("\"127.0.0.1:" + echo.getLocalPort() + "\"");
                assertThat(gw.stop()).as(gw.errors()).isZero();
            }
        }
    }
}
