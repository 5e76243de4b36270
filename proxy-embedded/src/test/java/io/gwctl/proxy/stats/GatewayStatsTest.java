package io.gwctl.proxy.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class GatewayStatsTest {

    private static final String HTTPBIN = "outbound|8000||httpbin.default.svc.cluster.local";

    private static Map<String, Long> values(GatewayStats stats) {
        return stats.snapshot().stream().filter(s -> s.type() != Stat.Type.HISTOGRAM)
                .collect(Collectors.toMap(Stat::name, Stat::value));
    }

    @Test
    void scopesAreCreatedOnceAndCached() {
        GatewayStats stats = new GatewayStats();
        assertThat(stats.cluster(HTTPBIN)).isSameAs(stats.cluster(HTTPBIN));
        assertThat(stats.http("outbound_0.0.0.0_8080")).isSameAs(stats.http("outbound_0.0.0.0_8080"));
        assertThat(stats.listener("0.0.0.0_8080")).isSameAs(stats.listener("0.0.0.0_8080"));
        assertThat(stats.cluster(HTTPBIN).host("10.0.0.1:8000")).isSameAs(stats.cluster(HTTPBIN).host("10.0.0.1:8000"));
    }

    @Test
    void clusterStatsCarryEnvoysNames() {
        GatewayStats stats = new GatewayStats();
        ClusterStats cluster = stats.cluster(HTTPBIN);
        cluster.connectionOpened();
        cluster.connectionOpened();
        cluster.connectionClosed();
        cluster.requestStarted();
        cluster.upstreamRequest(200, 1_500);
        cluster.upstreamRequest(200, 2_500);
        cluster.upstreamRequest(503, 100);
        cluster.connectFailure();
        cluster.requestTimeout();
        cluster.perTryTimeout();
        cluster.retry();
        cluster.pendingOverflow();
        cluster.noHealthyUpstream();
        cluster.outlierEjection();

        String p = "cluster." + HTTPBIN + ".";
        assertThat(values(stats)).containsAllEntriesOf(Map.ofEntries(
                Map.entry(p + "upstream_rq_total", 3L),
                Map.entry(p + "upstream_rq_completed", 3L),
                Map.entry(p + "upstream_rq_200", 2L),
                Map.entry(p + "upstream_rq_503", 1L),
                Map.entry(p + "upstream_rq_2xx", 2L),
                Map.entry(p + "upstream_rq_5xx", 1L),
                Map.entry(p + "upstream_rq_active", 1L),
                Map.entry(p + "upstream_cx_total", 2L),
                Map.entry(p + "upstream_cx_active", 1L),
                Map.entry(p + "upstream_cx_connect_fail", 1L),
                Map.entry(p + "upstream_rq_timeout", 1L),
                Map.entry(p + "upstream_rq_per_try_timeout", 1L),
                Map.entry(p + "upstream_rq_retry", 1L),
                Map.entry(p + "upstream_rq_pending_overflow", 1L),
                Map.entry(p + "upstream_cx_none_healthy", 1L),
                Map.entry(p + "outlier_detection.ejections_enforced_total", 1L)));
        assertThat(values(stats)).as("Envoy creates per-code counters on first use")
                .doesNotContainKeys(p + "upstream_rq_404", p + "upstream_rq_4xx");
        Stat time = stats.snapshot().stream().filter(s -> s.name().equals(p + "upstream_rq_time")).findFirst().orElseThrow();
        assertThat(time.type()).isEqualTo(Stat.Type.HISTOGRAM);
        assertThat(time.histogram().count()).isEqualTo(3);
        assertThat(time.histogram().sum()).isEqualTo(4_100);
    }

    @Test
    void aClusterWithoutResponsesHasNoRequestTimeYet() {
        GatewayStats stats = new GatewayStats();
        stats.cluster(HTTPBIN);
        assertThat(stats.snapshot()).extracting(Stat::name)
                .contains("cluster." + HTTPBIN + ".upstream_rq_total")
                .doesNotContain("cluster." + HTTPBIN + ".upstream_rq_time");
    }

    @Test
    void aCodeOutside100To599IsUnknownAndHasNoClass() {
        GatewayStats stats = new GatewayStats();
        stats.cluster("c").upstreamRequest(999, 10);
        stats.cluster("c").upstreamRequest(0, 10);
        assertThat(values(stats)).containsEntry("cluster.c.upstream_rq_Unknown", 2L)
                .containsEntry("cluster.c.upstream_rq_completed", 2L);
        assertThat(values(stats).keySet()).noneMatch(n -> n.matches("cluster\\.c\\.upstream_rq_\\dxx"));
    }

    @Test
    void httpStatsCarryEnvoysNames() {
        GatewayStats stats = new GatewayStats();
        HttpStats http = stats.http("outbound_0.0.0.0_8080");
        http.connectionOpened(false);
        http.connectionOpened(true);
        http.connectionClosed();
        http.requestStarted();
        http.requestStarted();
        http.requestFinished(200, 1_000);
        http.requestStarted();
        http.requestFinished(404, 1_000);
        http.noRoute();
        http.noCluster();
        http.timeout();
        http.headerOverflow();
        http.protocolError();

        String p = "http.outbound_0.0.0.0_8080.";
        assertThat(values(stats)).containsAllEntriesOf(Map.ofEntries(
                Map.entry(p + "downstream_cx_total", 2L),
                Map.entry(p + "downstream_cx_http1_total", 1L),
                Map.entry(p + "downstream_cx_http2_total", 1L),
                Map.entry(p + "downstream_cx_active", 1L),
                Map.entry(p + "downstream_cx_destroy", 1L),
                Map.entry(p + "downstream_rq_total", 3L),
                Map.entry(p + "downstream_rq_active", 1L),
                Map.entry(p + "downstream_rq_completed", 2L),
                Map.entry(p + "downstream_rq_2xx", 1L),
                Map.entry(p + "downstream_rq_4xx", 1L),
                Map.entry(p + "downstream_rq_5xx", 0L),
                Map.entry(p + "no_route", 1L),
                Map.entry(p + "no_cluster", 1L),
                Map.entry(p + "downstream_rq_timeout", 1L),
                Map.entry(p + "downstream_cx_protocol_error", 2L)));
        assertThat(values(stats)).as("Envoy keeps no per-code counter downstream").doesNotContainKey(p + "downstream_rq_200");
    }

    @Test
    void tcpStatsCarryEnvoysNames() {
        GatewayStats stats = new GatewayStats();
        TcpStats tcp = stats.tcp(HTTPBIN);
        tcp.connectionOpened();
        tcp.connectionOpened();
        tcp.noRoute();
        tcp.received(10);
        tcp.sent(7);
        tcp.pausedReading();
        tcp.resumedReading();
        tcp.idleTimeout();
        tcp.flushStarted();
        tcp.flushStarted();
        tcp.flushFinished();
        stats.cluster(HTTPBIN).connectTimeout();
        stats.cluster(HTTPBIN).connectAttemptsExceeded();

        String p = "tcp." + HTTPBIN + ".";
        assertThat(values(stats)).containsAllEntriesOf(Map.ofEntries(
                Map.entry(p + "downstream_cx_total", 2L),
                Map.entry(p + "downstream_cx_no_route", 1L),
                Map.entry(p + "downstream_cx_rx_bytes_total", 10L),
                Map.entry(p + "downstream_cx_tx_bytes_total", 7L),
                Map.entry(p + "downstream_flow_control_paused_reading_total", 1L),
                Map.entry(p + "downstream_flow_control_resumed_reading_total", 1L),
                Map.entry(p + "idle_timeout", 1L),
                Map.entry(p + "upstream_flush_total", 2L),
                Map.entry(p + "upstream_flush_active", 1L),
                Map.entry("cluster." + HTTPBIN + ".upstream_cx_connect_timeout", 1L),
                Map.entry("cluster." + HTTPBIN + ".upstream_cx_connect_attempts_exceeded", 1L)));
    }

    @Test
    void listenerStatsCarryEnvoysNames() {
        GatewayStats stats = new GatewayStats();
        ListenerStats listener = stats.listener("0.0.0.0_8080");
        listener.connectionOpened();
        listener.connectionOpened();
        listener.connectionClosed();
        assertThat(values(stats)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "listener.0.0.0.0_8080.downstream_cx_total", 2L,
                "listener.0.0.0.0_8080.downstream_cx_destroy", 1L,
                "listener.0.0.0.0_8080.downstream_cx_active", 1L));
    }

    @Test
    void hostStatsCountSuccessErrorAndTimeout() {
        HostStats host = new GatewayStats().cluster(HTTPBIN).host("10.0.0.1:8000");
        host.connectionOpened();
        host.requestStarted();
        host.requestFinished(true);
        host.requestStarted();
        host.timeout();
        host.requestFinished(false);
        host.requestStarted();
        assertThat(List.of(host.cxActive(), host.cxTotal(), host.rqTotal(), host.rqSuccess(), host.rqError(),
                host.rqActive(), host.rqTimeout())).containsExactly(1L, 1L, 3L, 1L, 1L, 1L, 1L);
    }

    @Test
    void snapshotIsSortedByName() {
        GatewayStats stats = new GatewayStats();
        stats.listener("0.0.0.0_8080");
        stats.cluster("b").upstreamRequest(200, 1);
        stats.cluster("a");
        stats.http("p");
        List<String> names = stats.snapshot().stream().map(Stat::name).toList();
        assertThat(names).isSorted().doesNotHaveDuplicates();
    }
}
