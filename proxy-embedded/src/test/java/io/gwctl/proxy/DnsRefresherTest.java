package io.gwctl.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.Durations;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.gwctl.proxy.dns.DnsLookup;
import io.gwctl.proxy.dns.HostResolver;
import io.gwctl.proxy.runtime.Endpoint;
import io.gwctl.proxy.runtime.GatewayRuntime;
import io.gwctl.translate.envoy.EnvoySnapshot;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** DNS clusters re-resolved as Envoy's STRICT_DNS and LOGICAL_DNS clusters are, with an injected resolver. */
@Timeout(20)
class DnsRefresherTest {

    private static final String STRICT = "outbound|80||api.external.test";
    private static final String LOGICAL = "outbound|80||rr.external.test";

    private static final String CONFIG = """
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata: {name: api, namespace: default}
            spec:
              hosts: [api.external.test]
              location: MESH_EXTERNAL
              resolution: DNS
              ports: [{number: 80, name: http, protocol: HTTP}]
            ---
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata: {name: rr, namespace: default}
            spec:
              hosts: [rr.external.test]
              location: MESH_EXTERNAL
              resolution: DNS_ROUND_ROBIN
              ports: [{number: 80, name: http, protocol: HTTP}]
            """;

    /** Answers from a map the test changes; a name missing from it does not resolve. */
    private final Map<String, List<InetAddress>> answers = new ConcurrentHashMap<>();
    private final HostResolver resolver = host -> {
        List<InetAddress> a = answers.get(host);
        if (a == null) {
            throw new UnknownHostException(host);
        }
        return a;
    };
    private final DnsLookup lookup = new DnsLookup(resolver, Duration.ofSeconds(2));
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    private static List<String> endpoints(GatewayRuntime runtime, String cluster) {
        return runtime.cluster(cluster).endpoints().stream().map(Endpoint::hostPort).toList();
    }

    @Test
    void strictDnsUsesEveryAddressAndLogicalDnsTheFirst() throws Exception {
        answers.put("api.external.test", List.of(ip("10.0.0.1"), ip("10.0.0.2"), ip("fd00::1")));
        answers.put("rr.external.test", List.of(ip("10.0.1.1"), ip("10.0.1.2")));
        GatewayRuntime runtime = GatewayRuntime.compile(GatewayFixture.snapshot(CONFIG), List.of(), lookup);

        assertThat(endpoints(runtime, STRICT)).as("Istio asks for IPv4 only (V4_ONLY)")
                .containsExactly("10.0.0.1:80", "10.0.0.2:80");
        assertThat(endpoints(runtime, LOGICAL)).containsExactly("10.0.1.1:80");
    }

    @Test
    void aChangedAnswerSwapsInNewEndpoints() throws Exception {
        answers.put("api.external.test", List.of(ip("10.0.0.1")));
        answers.put("rr.external.test", List.of(ip("10.0.1.1")));
        AtomicReference<GatewayRuntime> serving = new AtomicReference<>(
                GatewayRuntime.compile(GatewayFixture.snapshot(CONFIG), List.of(), lookup));
        GatewayRuntime first = serving.get();
        try (DnsRefresher refresher = new DnsRefresher(lookup, serving::get, serving::compareAndSet, warnings::add)) {
            assertThat(refresher.refresh()).as("same answers: nothing to swap").isFalse();
            assertThat(serving.get()).isSameAs(first);

            answers.put("api.external.test", List.of(ip("10.0.0.9")));
            assertThat(refresher.refresh()).isTrue();
            GatewayRuntime next = serving.get();
            assertThat(endpoints(next, STRICT)).containsExactly("10.0.0.9:80");
            assertThat(endpoints(next, LOGICAL)).containsExactly("10.0.1.1:80");
            assertThat(next.listeners()).as("only endpoints change").isEqualTo(first.listeners());
            assertThat(endpoints(first, STRICT)).as("the old runtime is left as it was").containsExactly("10.0.0.1:80");
            assertThat(warnings).isEmpty();
        }
    }

    @Test
    void aNameThatStopsResolvingEmptiesItsClusterAndWarnsOncePerChange() throws Exception {
        answers.put("api.external.test", List.of(ip("10.0.0.1")));
        answers.put("rr.external.test", List.of(ip("10.0.1.1")));
        AtomicReference<GatewayRuntime> serving = new AtomicReference<>(
                GatewayRuntime.compile(GatewayFixture.snapshot(CONFIG), List.of(), lookup));
        try (DnsRefresher refresher = new DnsRefresher(lookup, serving::get, serving::compareAndSet, warnings::add)) {
            answers.remove("api.external.test");
            assertThat(refresher.refresh()).isTrue();
            assertThat(endpoints(serving.get(), STRICT)).as("no endpoints: 503 UH").isEmpty();
            assertThat(refresher.refresh()).isFalse();
            assertThat(warnings).singleElement().asString()
                    .isEqualTo("DNS: api.external.test does not resolve; cluster " + STRICT
                            + " has no endpoints: requests to it get 503");

            answers.put("api.external.test", List.of(ip("10.0.0.2")));
            assertThat(refresher.refresh()).isTrue();
            assertThat(endpoints(serving.get(), STRICT)).containsExactly("10.0.0.2:80");
            answers.remove("api.external.test");
            assertThat(refresher.refresh()).isTrue();
            assertThat(warnings).as("failing again is a new change").hasSize(2);
        }
    }

    @Test
    void refreshesOnItsOwnEveryDnsRefreshRate() throws Exception {
        answers.put("api.external.test", List.of(ip("10.0.0.1")));
        answers.put("rr.external.test", List.of(ip("10.0.1.1")));
        EnvoySnapshot rendered = GatewayFixture.snapshot(CONFIG);
        List<Cluster> fast = rendered.clusters().stream()
                .map(c -> c.toBuilder().setDnsRefreshRate(Durations.fromMillis(50)).build()).toList();
        EnvoySnapshot snapshot = new EnvoySnapshot(rendered.listeners(), rendered.routes(), fast, rendered.endpoints(),
                rendered.secrets());
        AtomicReference<GatewayRuntime> serving = new AtomicReference<>(
                GatewayRuntime.compile(snapshot, List.of(), lookup));
        CompletableFuture<GatewayRuntime> swapped = new CompletableFuture<>();
        BiPredicate<GatewayRuntime, GatewayRuntime> swap = (expected, next) -> {
            boolean done = serving.compareAndSet(expected, next);
            if (done) {
                swapped.complete(next);
            }
            return done;
        };
        answers.put("api.external.test", List.of(ip("10.0.0.7")));
        try (DnsRefresher refresher = new DnsRefresher(lookup, serving::get, swap, warnings::add)) {
            refresher.start();
            assertThat(endpoints(swapped.get(10, TimeUnit.SECONDS), STRICT)).as("swapped by the refresh thread")
                    .containsExactly("10.0.0.7:80");
        }
    }
}
