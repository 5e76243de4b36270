package io.gwctl.proxy.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.util.JsonFormat;
import io.envoyproxy.envoy.admin.v3.ClusterStatus;
import io.envoyproxy.envoy.admin.v3.Clusters;
import io.envoyproxy.envoy.admin.v3.HostStatus;
import io.envoyproxy.envoy.admin.v3.Listeners;
import io.envoyproxy.envoy.config.core.v3.HealthStatus;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.gwctl.translate.envoy.EnvoySnapshot;
import io.gwctl.translate.envoy.dump.ConfigDumps;
import io.gwctl.translate.envoy.dump.EnvoyJson;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The admin endpoint over a real socket, read with the JDK's HTTP client as any tool would. */
@Timeout(30)
class AdminServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static EventLoopGroup group;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private FakeView view;
    private AdminServer server;

    @BeforeAll
    static void startGroup() {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    }

    @AfterAll
    static void stopGroup() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @BeforeEach
    void start() throws InterruptedException {
        view = new FakeView().withTraffic();
        server = AdminServer.start(new InetSocketAddress("127.0.0.1", 0), view, group);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send("GET", path);
    }

    private HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + server.address().getPort() + path);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void readyIs503UntilEveryListenerIsBoundThenLive() throws Exception {
        HttpResponse<String> before = get("/ready");
        assertThat(before.statusCode()).isEqualTo(503);
        assertThat(before.body()).isEqualTo("INITIALIZING\n");

        view.ready = true;
        HttpResponse<String> after = get("/ready");
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).isEqualTo("LIVE\n");
        assertThat(after.headers().firstValue("content-type")).hasValue("text/plain; charset=UTF-8");
        assertThat(after.headers().firstValue("cache-control")).hasValue("no-cache, max-age=0");
    }

    @Test
    void configDumpIsTheConfigDumpGwctlPrintsForTheSameSnapshot() throws Exception {
        HttpResponse<String> response = get("/config_dump");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(response.body()).as("what gwctl proxy-config all -o json prints")
                .isEqualTo(EnvoyJson.print(ConfigDumps.toConfigDump(view.snapshot, true)) + "\n");
        EnvoySnapshot read = ConfigDumps.fromJson(response.body());
        assertThat(read.listeners()).extracting(Listener::getName).containsExactly("0.0.0.0_80");
        assertThat(read.clusters()).extracting(c -> c.getName()).contains(FakeView.HTTPBIN_CLUSTER);
    }

    @Test
    void configDumpFollowsAReload() throws Exception {
        String first = get("/config_dump").body();
        assertThat(get("/config_dump").body()).isEqualTo(first);

        view.snapshot = FakeView.build(FakeView.HTTPBIN.replace("number: 80,", "number: 81,"));
        String second = get("/config_dump").body();
        assertThat(second).isNotEqualTo(first).contains("0.0.0.0_81");
    }

    @Test
    void statsAsTextJsonAndFiltered() throws Exception {
        String p = "cluster." + FakeView.HTTPBIN_CLUSTER + ".";
        String text = get("/stats").body();
        assertThat(text).contains(p + "upstream_rq_200: 2\n", p + "upstream_rq_504: 1\n",
                p + "outlier_detection.ejections_enforced_total: 1\n");
        assertThat(text).containsPattern("\\Q" + p + "upstream_rq_time: P0(nan,\\E[0-9.]+\\) P25");

        HttpResponse<String> json = get("/stats?format=json");
        assertThat(json.headers().firstValue("content-type")).hasValue("application/json");
        JsonNode stats = JSON.readTree(json.body()).get("stats");
        assertThat(stats.findValuesAsText("name")).contains(p + "upstream_rq_5xx");

        String filtered = get("/stats?filter=upstream_rq_5").body();
        assertThat(filtered).isEqualTo(p + "upstream_rq_504: 1\n" + p + "upstream_rq_5xx: 1\n");
    }

    @Test
    void prometheusWithEnvoysTags() throws Exception {
        HttpResponse<String> response = get("/stats/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("# TYPE envoy_cluster_upstream_rq counter\n",
                "envoy_cluster_upstream_rq{envoy_response_code=\"200\",envoy_cluster_name=\"" + FakeView.HTTPBIN_CLUSTER + "\"} 2\n",
                "envoy_cluster_upstream_rq_time_bucket{envoy_cluster_name=\"" + FakeView.HTTPBIN_CLUSTER + "\",le=\"+Inf\"} 3\n");
        assertThat(get("/stats?format=prometheus").body()).isEqualTo(response.body());
    }

    @Test
    void clustersAsEnvoysText() throws Exception {
        String c = FakeView.HTTPBIN_CLUSTER;
        String text = get("/clusters").body();
        assertThat(text).contains(
                c + "::observability_name::" + c + "\n",
                c + "::default_priority::max_connections::4294967295\n",
                c + "::high_priority::max_retries::3\n",
                c + "::added_via_api::true\n",
                c + "::10.0.0.1:8000::cx_active::1\n",
                c + "::10.0.0.1:8000::rq_success::2\n",
                c + "::10.0.0.1:8000::rq_total::2\n",
                c + "::10.0.0.1:8000::health_flags::healthy\n",
                c + "::10.0.0.1:8000::weight::1\n",
                c + "::10.0.0.2:8000::rq_error::1\n",
                c + "::10.0.0.2:8000::rq_timeout::1\n",
                c + "::10.0.0.2:8000::health_flags::/failed_outlier_check\n",
                c + "::10.0.0.2:8000::success_rate::-1\n");
    }

    @Test
    void clustersAsEnvoysJson() throws Exception {
        String body = get("/clusters?format=json").body();
        assertThat(body).as("Envoy's admin prints proto field names").contains("\"cluster_statuses\"", "\"host_statuses\"");
        Clusters.Builder clusters = Clusters.newBuilder();
        JsonFormat.parser().merge(body, clusters);
        ClusterStatus cluster = clusters.getClusterStatuses(0);
        assertThat(cluster.getName()).isEqualTo(FakeView.HTTPBIN_CLUSTER);
        assertThat(cluster.getCircuitBreakers().getThresholdsCount()).isEqualTo(2);
        List<HostStatus> hosts = cluster.getHostStatusesList();
        assertThat(hosts).extracting(h -> h.getAddress().getSocketAddress().getAddress()).containsExactly("10.0.0.1", "10.0.0.2");
        assertThat(hosts.get(0).getHealthStatus().getFailedOutlierCheck()).isFalse();
        assertThat(hosts.get(1).getHealthStatus().getFailedOutlierCheck()).isTrue();
        assertThat(hosts.get(1).getHealthStatus().getEdsHealthStatus()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(hosts.get(0).getStatsList()).anyMatch(m -> m.getName().equals("rq_success") && m.getValue() == 2);
    }

    @Test
    void listenersAsTextAndJson() throws Exception {
        assertThat(get("/listeners").body()).isEqualTo("0.0.0.0_80::0.0.0.0:18080\n");
        Listeners.Builder listeners = Listeners.newBuilder();
        JsonFormat.parser().merge(get("/listeners?format=json").body(), listeners);
        assertThat(listeners.getListenerStatuses(0).getName()).isEqualTo("0.0.0.0_80");
        assertThat(listeners.getListenerStatuses(0).getLocalAddress().getSocketAddress().getPortValue()).isEqualTo(18080);
    }

    @Test
    void helpListsEveryPath() throws Exception {
        String help = get("/help").body();
        assertThat(help).startsWith("admin commands are:\n").contains("  /clusters: ", "  /config_dump: ", "  /listeners: ",
                "  /ready: ", "  /stats: ", "  /stats/prometheus: ", "      format: One of (text, json)\n");
        assertThat(get("/").body()).isEqualTo(help);
    }

    @Test
    void unknownPathIs404WithTheListOfPaths() throws Exception {
        HttpResponse<String> response = get("/certs");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).startsWith("invalid path. admin commands are:\n");
    }

    @Test
    void onlyGetIsAnswered() throws Exception {
        HttpResponse<String> response = send("POST", "/stats");
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("allow")).hasValue("GET");
    }

    @Test
    void badParametersAre400() throws Exception {
        assertThat(get("/stats?format=html").statusCode()).isEqualTo(400);
        assertThat(get("/clusters?format=yaml").statusCode()).isEqualTo(400);
        assertThat(get("/stats?filter=%5B").statusCode()).as("'[' does not compile").isEqualTo(400);
    }

    @Test
    void aTakenPortIsAClearError() {
        InetSocketAddress taken = server.address();
        assertThatThrownBy(() -> AdminServer.start(taken, view, group))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot serve the admin endpoint on 127.0.0.1:" + taken.getPort());
    }

    @Test
    void closeStopsAcceptingAndClosesOpenConnections() throws Exception {
        assertThat(get("/ready").statusCode()).as("a kept-alive connection is open").isEqualTo(503);
        server.close();
        assertThatThrownBy(() -> get("/ready")).isInstanceOf(ConnectException.class);
    }
}
