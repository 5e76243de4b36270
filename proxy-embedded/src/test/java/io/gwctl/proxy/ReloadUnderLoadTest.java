package io.gwctl.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A config swapped while requests flow: none fails, and new requests follow the new routes. */
@Timeout(60)
class ReloadUnderLoadTest {

    private static String config(String destination) {
        return GatewayFixture.allHosts("- route: [{destination: {host: %s}}]\n".formatted(destination), "a", "b");
    }

    @Test
    void swappingTheConfigUnderLoadFailsNoRequest() throws Exception {
        try (TestBackend a = new TestBackend("a"); TestBackend b = new TestBackend("b");
                GatewayFixture gw = GatewayFixture.start(config("a"), a.upstream("a"), b.upstream("b"))) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger failures = new AtomicInteger();
            AtomicInteger total = new AtomicInteger();
            Map<String, Integer> seen = new ConcurrentHashMap<>();
            ExecutorService load = Executors.newFixedThreadPool(4);
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                workers.add(load.submit(() -> {
                    while (running.get()) {
                        try {
                            HttpResponse<String> r = client.send(HttpRequest.newBuilder(gw.uri(80, "/delay/5"))
                                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                            total.incrementAndGet();
                            if (r.statusCode() != 200) {
                                failures.incrementAndGet();
                            }
                            seen.merge(r.headers().firstValue("x-backend-name").orElse("?"), 1, Integer::sum);
                        } catch (Exception e) {
                            failures.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            // Load runs on both sides of the swap: some answers before it, then some from the new config.
            awaitUntil(() -> total.get() >= 8);
            gw.proxy().reload(GatewayFixture.runtime(config("b"), a.upstream("a"), b.upstream("b")));
            int atReload = total.get();
            awaitUntil(() -> seen.getOrDefault("b", 0) >= 8);
            running.set(false);
            for (Future<?> w : workers) {
                w.get();
            }
            load.shutdown();
            assertThat(failures.get()).as("failed of %d requests", total.get()).isZero();
            assertThat(atReload).as("requests before the reload").isPositive();
            assertThat(seen).containsKeys("a", "b");
            HttpResponse<String> after = client.send(HttpRequest.newBuilder(gw.uri(80, "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(after.headers().firstValue("x-backend-name")).hasValue("b");
        }
    }

    /** Polls {@code condition} for up to 20 s: the machine may be busy, so no fixed sleeps. */
    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
