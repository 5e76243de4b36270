package io.gwctl.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.gwctl.proxy.sample.SampleBackend;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gwctl run-gateway --from-cluster} against fabric8's mock API server in CRUD mode: the live objects
 * are served, a change to them is swapped in, a broken one is refused while the last good config serves, and
 * the upstreams follow the EndpointSlices.
 */
@EnableKubernetesMockClient(crud = true)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class RunGatewayFromClusterTest {

    static final String GATEWAY = """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: web-gateway, namespace: web}
            spec:
              selector: {istio: ingressgateway}
              servers:
              - port: {number: 80, name: http, protocol: HTTP}
                hosts: ["*"]
            """;

    static final String ROUTE = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: web, namespace: web}
            spec:
              hosts: ["*"]
              gateways: [web-gateway]
              http:
              - match:
                - uri: {prefix: PREFIX}
                route:
                - destination: {host: web, port: {number: 80}}
            """;

    static final String SERVICE = """
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: web}
            spec:
              selector: {app: web}
              ports: [{name: http, port: 80, targetPort: 8080}]
            """;

    static final String ENDPOINT_SLICE = """
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata:
              name: web-abcde
              namespace: web
              labels: {kubernetes.io/service-name: web}
            addressType: IPv4
            endpoints:
            - addresses: [127.0.0.1]
              conditions: {ready: true}
            - addresses: [127.0.0.2]
              conditions: {ready: false}
            ports: [{name: http, port: PORT, protocol: TCP}]
            """;

    /** Fails validation as a file would (GW0105: exact and prefix in one match). */
    static final String BROKEN_ROUTE = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: broken, namespace: web}
            spec:
              hosts: ["broken.example.com"]
              gateways: [web-gateway]
              http:
              - match:
                - uri: {exact: /x, prefix: /x}
                route:
                - destination: {host: web, port: {number: 80}}
            """;

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path dir;

    private SampleBackend backend;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void startBackend() throws InterruptedException {
        backend = SampleBackend.start("web-v1", new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @AfterEach
    void stopBackend() {
        backend.close();
    }

    @Test
    void servesTheLiveConfigAndFollowsItsChanges() throws Exception {
        MockCluster.create(client, GATEWAY + "---\n" + ROUTE.replace("PREFIX", "/get") + "---\n" + SERVICE + "---\n"
                + ENDPOINT_SLICE.replace("PORT", String.valueOf(backend.address().getPort())));
        try (RunningGateway gateway = RunningGateway.start(run())) {
            String base = "http://" + gateway.listener();
            HttpResponse<String> first = get(base + "/get");
            assertThat(first.statusCode()).as(gateway.toString()).isEqualTo(200);
            assertThat(first.headers().firstValue("x-backend-name")).as("the EndpointSlice's ready endpoint answered")
                    .hasValue("web-v1");

            // Given a new prefix in the live VirtualService, when it settles, then requests are routed the new way.
            client.resource(ROUTE.replace("PREFIX", "/anything")).update();
            gateway.await(() -> status(base + "/anything") == 200, "the new prefix to be routed");
            assertThat(status(base + "/get")).as("the old prefix is gone: " + gateway).isEqualTo(404);
            assertThat(gateway.out()).contains("reloaded: ");

            // Given a broken object, the last good config keeps serving and stderr says why.
            client.resource(BROKEN_ROUTE).create();
            gateway.await(() -> gateway.err().contains("the last good config keeps serving"), "the refusal");
            assertThat(gateway.err()).as(gateway.toString()).contains("GW0105").contains("cluster:VirtualService/web/broken");
            assertThat(status(base + "/anything")).as(gateway.toString()).isEqualTo(200);
            client.resource(BROKEN_ROUTE).delete();

            // Given the EndpointSlice is deleted, the cluster has no endpoint: 503, as Envoy answers.
            client.resource(ENDPOINT_SLICE.replace("PORT", String.valueOf(backend.address().getPort()))).delete();
            gateway.await(() -> status(base + "/anything") == 503, "503 once the endpoints are gone");

            assertThat(gateway.stop()).as(gateway.toString()).isZero();
        }
        assertThat(Thread.getAllStackTraces().keySet()).as("the cluster watch stops with the gateway")
                .noneMatch(t -> t.getName().startsWith("gwctl-cluster-watch") && t.isAlive());
    }

    @Test
    void upstreamOnTheCommandLineWinsOverTheEndpointSlice() throws Exception {
        MockCluster.create(client, GATEWAY + "---\n" + ROUTE.replace("PREFIX", "/") + "---\n" + SERVICE + "---\n"
                + ENDPOINT_SLICE.replace("PORT", "1"));
        try (RunningGateway gateway = RunningGateway.start(run("--upstream",
                "web:80=127.0.0.1:" + backend.address().getPort()))) {
            HttpResponse<String> r = get("http://" + gateway.listener() + "/get");
            assertThat(r.statusCode()).as("port 1 of the slice would refuse: " + gateway).isEqualTo(200);
        }
    }

    @Test
    void fallsBackToUpstreamWhenEndpointSlicesAreNotServed() throws Exception {
        server.expect().get().withPath("/apis/discovery.k8s.io/v1/endpointslices?resourceVersion=0")
                .andReturn(404, new StatusBuilder().withCode(404).withStatus("Failure").withMessage("not found").build())
                .always();
        MockCluster.create(client, GATEWAY + "---\n" + ROUTE.replace("PREFIX", "/") + "---\n" + SERVICE);
        try (RunningGateway gateway = RunningGateway.start(run("--upstream",
                "web:80=127.0.0.1:" + backend.address().getPort()))) {
            assertThat(gateway.err()).as(gateway.toString())
                    .contains("warning: the API server " + server.url("/") + " does not serve"
                            + " endpointslices.discovery.k8s.io (404); upstreams come from --upstream only");
            assertThat(get("http://" + gateway.listener() + "/get").statusCode()).as(gateway.toString()).isEqualTo(200);
        }
    }

    @Test
    void keepsServingWhenTheApiServerGoesAway() throws Exception {
        MockCluster.create(client, GATEWAY + "---\n" + ROUTE.replace("PREFIX", "/") + "---\n" + SERVICE + "---\n"
                + ENDPOINT_SLICE.replace("PORT", String.valueOf(backend.address().getPort())));
        try (RunningGateway gateway = RunningGateway.start(run())) {
            server.destroy();
            assertThat(get("http://" + gateway.listener() + "/get").statusCode()).as(gateway.toString()).isEqualTo(200);
            assertThat(gateway.stop()).as(gateway.toString()).isZero();
        }
    }

    @Test
    void anUnreadableClusterIsOneLineAndExit2() {
        server.expect().get().withPath("/apis/networking.istio.io/v1/gateways?resourceVersion=0")
                .andReturn(403, new StatusBuilder().withCode(403).withStatus("Failure").withMessage("no").build())
                .always();
        io.gwctl.cli.CliRunner.Result r = io.gwctl.cli.CliRunner.run(run());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(io.gwctl.cli.ExitCodes.USAGE);
        assertThat(r.err()).as(r.toString())
                .isEqualTo("Error: forbidden: cannot list gateways.networking.istio.io in all namespaces (403): no\n");
    }

    private String[] run(String... more) {
        String[] base = {"run-gateway", "--from-cluster", "--kubeconfig", MockCluster.kubeconfig(dir, server, "web").toString(),
            "--port-map", "80=0", "--admin-address", "127.0.0.1:0", "--access-log", "off", "--drain-time", "0"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private int status(String url) {
        try {
            return get(url).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
