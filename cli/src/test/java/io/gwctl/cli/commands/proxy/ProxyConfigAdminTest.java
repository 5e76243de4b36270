package io.gwctl.cli.commands.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.envoyproxy.envoy.admin.v3.ClusterStatus;
import io.gwctl.cli.CliRunner;
import io.gwctl.cli.CliRunner.Result;
import io.gwctl.cli.ExitCodes;
import io.gwctl.model.resource.ResourceReader;
import io.gwctl.model.source.ConfigSet;
import io.gwctl.model.source.InMemorySource;
import io.gwctl.proxy.admin.AdminServer;
import io.gwctl.proxy.admin.AdminView;
import io.gwctl.proxy.admin.ClusterState;
import io.gwctl.proxy.admin.HostState;
import io.gwctl.proxy.admin.ListenerState;
import io.gwctl.proxy.stats.GatewayStats;
import io.gwctl.translate.envoy.EnvoySnapshot;
import io.gwctl.translate.envoy.GatewayOptions;
import io.gwctl.translate.envoy.SnapshotBuilder;
import io.gwctl.translate.envoy.dump.EnvoyJson;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gwctl proxy-config --admin} against a real admin endpoint serving the httpbin config, as
 * {@code gwctl run-gateway} would: the views read the same config as {@code -f} renders, and
 * {@code endpoints} shows the live health and outlier state.
 */
@Timeout(60)
class ProxyConfigAdminTest {

    private static final String CLUSTER = "outbound|8000||httpbin.default.svc.cluster.local";

    private static final String HTTPBIN = """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: httpbin-gateway, namespace: default}
            spec:
              selector: {istio: ingressgateway}
              servers:
              - port: {number: 80, name: http, protocol: HTTP}
                hosts: ["httpbin.example.com"]
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: httpbin, namespace: default}
            spec:
              hosts: ["httpbin.example.com"]
              gateways: [httpbin-gateway]
              http:
              - match:
                - uri: {prefix: /status}
                route:
                - destination: {host: httpbin, port: {number: 8000}}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: httpbin, namespace: default}
            spec:
              selector: {app: httpbin}
              ports: [{name: http, port: 8000}]
            ---
            apiVersion: v1
            kind: Endpoints
            metadata: {name: httpbin, namespace: default}
            subsets:
            - addresses: [{ip: 10.0.0.2}, {ip: 10.0.0.1}]
              ports: [{name: http, port: 8000}]
            """;

    /** The gateway as its admin sees it: the httpbin config, 10.0.0.2 ejected by outlier detection. */
    private static final class Gateway implements AdminView {

        private final EnvoySnapshot snapshot;
        private final GatewayStats stats = new GatewayStats();

        Gateway(EnvoySnapshot snapshot) {
            this.snapshot = snapshot;
        }

        @Override
        public boolean ready() {
            return true;
        }

        @Override
        public EnvoySnapshot snapshot() {
            return snapshot;
        }

        @Override
        public GatewayStats stats() {
            return stats;
        }

        @Override
        public List<ClusterState> clusters() {
            var cluster = stats.cluster(CLUSTER);
            return List.of(new ClusterState(CLUSTER, List.of(
                    new HostState("10.0.0.2", 8000, "", 1, true, true, Map.of(), cluster.host("10.0.0.2:8000")),
                    new HostState("10.0.0.1", 8000, "", 1, true, false, Map.of(), cluster.host("10.0.0.1:8000")))));
        }

        @Override
        public List<ListenerState> listeners() {
            return List.of(new ListenerState("0.0.0.0_80", new InetSocketAddress("0.0.0.0", 80)));
        }
    }

    private static EventLoopGroup group;

    @TempDir
    Path dir;

    private Path config;
    private AdminServer server;
    private String admin;

    @BeforeAll
    static void startGroup() {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    }

    @AfterAll
    static void stopGroup() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @BeforeEach
    void start() throws IOException, InterruptedException {
        config = Files.writeString(dir.resolve("httpbin.yaml"), HTTPBIN);
        EnvoySnapshot snapshot = SnapshotBuilder.build(
                ConfigSet.load(List.of(new InMemorySource("httpbin.yaml", HTTPBIN)), new ResourceReader("default")).resources(),
                new GatewayOptions(Map.of("istio", "ingressgateway"), Optional.empty(), "cluster.local"));
        server = AdminServer.start(new InetSocketAddress("127.0.0.1", 0), new Gateway(snapshot), group);
        admin = "http://127.0.0.1:" + server.address().getPort();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void configDumpIsByteForByteWhatProxyConfigAllPrints() throws Exception {
        Result all = CliRunner.run("pc", "all", "-o", "json", "-f", config.toString());
        assertThat(all.exitCode()).as(all.toString()).isZero();
        HttpResponse<String> dump = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(admin + "/config_dump")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(dump.body()).isEqualTo(all.out());
    }

    @Test
    void viewsReadFromTheAdminMatchTheRenderedConfig() {
        for (String view : List.of("routes", "listeners", "clusters", "secret")) {
            Result rendered = CliRunner.run("pc", view, "-f", config.toString());
            Result live = CliRunner.run("pc", view, "--admin", admin);
            assertThat(live.exitCode()).as(live.toString()).isZero();
            assertThat(live.out()).as(view).isEqualTo(rendered.out());
        }
        Result all = CliRunner.run("pc", "all", "-o", "json", "--admin", admin + "/");
        assertThat(all.out()).as("a trailing slash on the URL is fine")
                .isEqualTo(CliRunner.run("pc", "all", "-o", "json", "-f", config.toString()).out());
    }

    @Test
    void endpointsShowLiveHealthAndOutlierStateSortedAsIstioctl() {
        Result r = CliRunner.run("pc", "endpoints", "--admin", admin);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).as(r.toString()).isEqualTo("""
                ENDPOINT          STATUS      OUTLIER CHECK     CLUSTER
                10.0.0.1:8000     HEALTHY     OK                outbound|8000||httpbin.default.svc.cluster.local
                10.0.0.2:8000     HEALTHY     FAILED            outbound|8000||httpbin.default.svc.cluster.local
                """);
    }

    @Test
    void endpointsJsonIsTheClusterStatuses() throws Exception {
        Result r = CliRunner.run("pc", "endpoints", "--admin", admin, "-o", "json", "--name", CLUSTER);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        ClusterStatus.Builder status = ClusterStatus.newBuilder();
        EnvoyJson.merge(r.out().substring(1, r.out().lastIndexOf(']')), status);
        assertThat(status.getName()).isEqualTo(CLUSTER);
        assertThat(status.getHostStatusesList()).extracting(h -> h.getHealthStatus().getFailedOutlierCheck())
                .containsExactly(true, false);

        Result none = CliRunner.run("pc", "endpoints", "--admin", admin, "--name", "no-such-cluster");
        assertThat(none.out()).isEqualTo("ENDPOINT     STATUS     OUTLIER CHECK     CLUSTER\n");
    }

    @Test
    void traceWalksTheLiveConfig() {
        Result r = CliRunner.run("pc", "trace", "http://httpbin.example.com/status/200", "--admin", admin);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("result:        cluster " + CLUSTER + "\n");
    }

    @Test
    void aGatewayThatIsNotThereIsOneLineAndExitCode2() throws IOException {
        int free;
        try (ServerSocket socket = new ServerSocket(0)) {
            free = socket.getLocalPort();
        }
        Result r = CliRunner.run("pc", "routes", "--admin", "http://127.0.0.1:" + free);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo("Error: cannot reach the gateway admin at http://127.0.0.1:" + free
                + ": connection refused\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anAnswerOtherThan200IsOneLineAndExitCode2() {
        Result r = CliRunner.run("pc", "endpoints", "--admin", admin + "/not-admin");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo("Error: " + admin + "/not-admin/clusters?format=json answered HTTP 404: "
                + "invalid path. admin commands are:\n");
    }

    @Test
    void exactlyOneSourceAndAUrl() {
        Result both = CliRunner.run("pc", "routes", "--admin", admin, "-f", config.toString());
        assertThat(both.exitCode()).as(both.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).startsWith("Error: give one of -f PATH");

        Result notUrl = CliRunner.run("pc", "routes", "--admin", "localhost:15000");
        assertThat(notUrl.exitCode()).as(notUrl.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(notUrl.err()).isEqualTo("Error: --admin wants the admin's URL, like http://127.0.0.1:15000: localhost:15000\n");
    }
}
