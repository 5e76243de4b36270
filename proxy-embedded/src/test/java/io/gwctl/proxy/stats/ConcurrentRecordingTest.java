package io.gwctl.proxy.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Several event loops record into the same scopes at once, some creating them: not one event may be lost. */
@Timeout(30)
class ConcurrentRecordingTest {

    private static final int THREADS = 8;
    private static final int EVENTS = 20_000;

    @Test
    void totalsAreExactUnderConcurrentRecording() throws Exception {
        GatewayStats stats = new GatewayStats();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < EVENTS; i++) {
                        // Looked up every time, so threads race to create the scopes and the per-code counters.
                        ClusterStats cluster = stats.cluster("c" + (i % 4));
                        cluster.requestStarted();
                        cluster.upstreamRequest(i % 8 < 4 ? 200 : 503, i % 1_000);
                        cluster.requestFinished();
                        cluster.host("10.0.0." + (i % 4) + ":80").requestStarted();
                        HttpStats http = stats.http("p");
                        http.requestStarted();
                        http.requestFinished(200, 5);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(20, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        Map<String, Long> values = stats.snapshot().stream().filter(s -> s.type() != Stat.Type.HISTOGRAM)
                .collect(Collectors.toMap(Stat::name, Stat::value));
        long perCluster = (long) THREADS * EVENTS / 4;
        for (int c = 0; c < 4; c++) {
            assertThat(values).containsEntry("cluster.c" + c + ".upstream_rq_total", perCluster)
                    .containsEntry("cluster.c" + c + ".upstream_rq_active", 0L);
            assertThat(values.getOrDefault("cluster.c" + c + ".upstream_rq_200", 0L)
                    + values.getOrDefault("cluster.c" + c + ".upstream_rq_503", 0L)).isEqualTo(perCluster);
        }
        assertThat(values).containsEntry("http.p.downstream_rq_total", (long) THREADS * EVENTS)
                .containsEntry("http.p.downstream_rq_2xx", (long) THREADS * EVENTS)
                .containsEntry("http.p.downstream_rq_active", 0L);
        long hostRequests = 0;
        for (int c = 0; c < 4; c++) {
            for (int h = 0; h < 4; h++) {
                hostRequests += stats.cluster("c" + c).host("10.0.0." + h + ":80").rqTotal();
            }
        }
        assertThat(hostRequests).isEqualTo((long) THREADS * EVENTS);
        Stat time = stats.snapshot().stream().filter(s -> s.name().equals("http.p.downstream_rq_time")).findFirst().orElseThrow();
        assertThat(time.histogram().count()).isEqualTo((long) THREADS * EVENTS);
        assertThat(time.histogram().sum()).isEqualTo(5L * THREADS * EVENTS);
    }
}
