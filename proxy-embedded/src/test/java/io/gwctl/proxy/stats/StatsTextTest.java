package io.gwctl.proxy.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class StatsTextTest {

    @Test
    void countersAndGaugesThenHistogramsWithEnvoysQuantiles() {
        GatewayStats stats = new GatewayStats();
        ClusterStats cluster = stats.cluster("outbound|8000||httpbin.default.svc.cluster.local");
        for (int i = 0; i < 50; i++) {
            cluster.upstreamRequest(200, 700);
            cluster.upstreamRequest(200, 3_000);
        }
        stats.listener("0.0.0.0_8080").connectionOpened();

        String text = StatsText.render(stats, null);

        String p = "cluster.outbound|8000||httpbin.default.svc.cluster.local.";
        assertThat(text).contains(p + "upstream_rq_200: 100\n", p + "upstream_rq_active: 0\n",
                "listener.0.0.0.0_8080.downstream_cx_active: 1\n");
        assertThat(text).as("histograms come after every counter and gauge").endsWith(p + "upstream_rq_time: "
                + "P0(nan,0.5) P25(nan,0.75) P50(nan,1) P75(nan,3) P90(nan,4.2) P95(nan,4.6) P99(nan,4.92) "
                + "P99.5(nan,4.96) P99.9(nan,4.992) P100(nan,5)\n");
    }

    @Test
    void aHistogramWithoutValuesSaysSo() {
        GatewayStats stats = new GatewayStats();
        stats.http("p");
        assertThat(StatsText.render(stats, null)).contains("http.p.downstream_rq_time: No recorded values\n");
    }

    @Test
    void filterKeepsTheStatsWhoseNameTheRegexFinds() {
        GatewayStats stats = new GatewayStats();
        stats.cluster("a").upstreamRequest(200, 1);
        stats.http("p");
        String text = StatsText.render(stats, Pattern.compile("upstream_rq_2"));
        assertThat(text).isEqualTo("cluster.a.upstream_rq_200: 1\ncluster.a.upstream_rq_2xx: 1\n");
    }
}
