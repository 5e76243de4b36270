package io.gwctl.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gwctl.tests.Gwctl.Run;
import io.gwctl.tests.cluster.MockApiServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user whose config already lives in a cluster: the README's sample applied to an API server (fabric8's mock,
 * in CRUD mode, started as the README starts it for users without a cluster), then checked, inspected, served
 * and changed from the command line with the kubeconfig kubectl uses.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClusterJourneyIT {

    @TempDir
    Path work;

    private MockApiServer.Running mock;
    private KubernetesClient client;
    private Map<String, String> kubectlEnvironment;
    private Path kubeconfig;

    @BeforeEach
    void applyTheSample() throws Exception {
        mock = MockApiServer.start(work.resolve("mock/config"), List.of(Gwctl.projectDir().resolve("samples")));
        client = mock.server().createClient();
        kubeconfig = mock.kubeconfig();
        kubectlEnvironment = Map.of("KUBECONFIG", kubeconfig.toString(), "HOME", work.toString());
    }

    @AfterEach
    void stopTheServer() {
        client.close();
        mock.close();
    }

    @Test
    void theAppliedSampleIsValidAndItsRoutesPrint() throws Exception {
        Run validate = Gwctl.run(work, "", kubectlEnvironment, "validate", "--from-cluster");
        assertThat(validate.exitCode()).as(validate.toString()).isZero();
        assertThat(validate.out()).as(validate.toString()).containsPattern("(?m)^0 errors, 0 warnings");

        Run routes = Gwctl.run(work, "", kubectlEnvironment, "proxy-config", "routes", "--from-cluster");
        assertThat(routes.exitCode()).as(routes.toString()).isZero();
        assertThat(routes.out()).as(routes.toString())
                .containsPattern("http\\.80\\s+httpbin\\.example\\.com:80\\s+httpbin\\.example\\.com\\s+/status\\*")
                .contains("httpbin.default");
    }

    @Test
    void aChangeIsCheckedAgainstTheLiveConfigBeforeItIsApplied() throws Exception {
        Files.writeString(work.resolve("vs.yaml"), """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata:
                  name: httpbin
                spec:
                  hosts: ["httpbin.example.com"]
                  gateways: ["httpbin-gatway"]
                  http:
                  - route:
                    - destination: {host: httpbin, port: {number: 8000}}
                """);

        Run r = Gwctl.run(work, "", kubectlEnvironment, "validate", "--from-cluster", "-f", "vs.yaml");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).as(r.toString())
                .contains("vs.yaml:7:14: error GW0801 VirtualService default/httpbin: Referenced gateway not found: "
                        + "\"httpbin-gatway\"");
        assertThat(r.err()).as(r.toString()).doesNotContain("Exception");
    }

    @Test
    void anUnreachableClusterIsOneLineAndExitTwo() throws Exception {
        mock.close();

        Run r = Gwctl.run(work, "", kubectlEnvironment, "validate", "--from-cluster");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err().strip()).as(r.toString()).startsWith("Error: cannot reach the API server").doesNotContain("\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void theGatewayServesTheLiveConfigWithTheClustersEndpointsAndFollowsChanges() throws Exception {
        HttpServer httpbin = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        httpbin.createContext("/", exchange -> {
            byte[] body = ("httpbin " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        httpbin.start();
        try {
            client.resource("""
                    apiVersion: discovery.k8s.io/v1
                    kind: EndpointSlice
                    metadata:
                      name: httpbin-x1y2z
                      namespace: default
                      labels: {kubernetes.io/service-name: httpbin}
                    addressType: IPv4
                    endpoints:
                    - addresses: [127.0.0.1]
                      conditions: {ready: true}
                    ports: [{name: http, port: %d, protocol: TCP}]
                    """.formatted(httpbin.getAddress().getPort())).create();
            try (RunningGateway gw = RunningGateway.start(work, "--from-cluster", "--kubeconfig", kubeconfig.toString(),
                    "--port-map", "80=0", "--admin-address", "off")) {
                Curl.Reply ok = Curl.get(gw.url() + "/status/200", "-H", "Host: httpbin.example.com");
                assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
                assertThat(ok.body()).isEqualTo("httpbin /status/200");
                assertThat(Curl.get(gw.url() + "/headers", "-H", "Host: httpbin.example.com").status())
                        .as("the sample routes /status and /delay only").isEqualTo(404);

                client.resource(Files.readString(Gwctl.projectDir().resolve("samples/httpbin-gateway.yaml"))
                        .split("(?m)^---$")[1].replace("prefix: /delay", "prefix: /headers")).update();
                assertThat(gw.awaitOutput("reloaded")).as(gw.output()).isTrue();
                Curl.Reply changed = Curl.get(gw.url() + "/headers", "-H", "Host: httpbin.example.com");
                assertThat(changed.status()).as("the live change is served: " + changed).isEqualTo(200);
            }
        } finally {
            httpbin.stop(0);
        }
    }

    @Test
    void theReadmesMockApiServerHoldsTheSample() throws Exception {
        assertThat(mock.objects()).isEqualTo(3);
        Run r = Gwctl.run(work, "", kubectlEnvironment, "validate", "--from-cluster");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).as("the README's line")
                .isEqualTo("0 errors, 0 warnings, 0 infos in 3 resources from 3 cluster objects\n");
    }
}
