package io.gwctl.translate.envoy;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceReader;
import io.gwctl.model.source.ConfigSet;
import io.gwctl.model.source.InMemorySource;
import io.gwctl.model.testing.Corpus;
import io.gwctl.translate.envoy.match.RequestMatcher;
import io.gwctl.translate.envoy.match.Trace;
import io.gwctl.translate.envoy.match.TraceRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Istio's gateway simulation, end to end: each case of {@code ../shared/corpus/gateway-simulation}
 * (transcribed from istio/istio {@code pilot/pkg/networking/core/gateway_simulation_test.go}) is built into
 * an {@link EnvoySnapshot} by {@link SnapshotBuilder}, and each call is walked through that snapshot by
 * {@link RequestMatcher}, the same engine {@code proxy-config trace} and the embedded gateway use. The
 * listener, route configuration, virtual host and cluster reached, or the error, must be Istio's.
 *
 * <p>Harness facts from the corpus README: the first document is the gateway proxy as a Pod
 * ({@code istio: ingressgateway}); no default ingress Service exists; config parsed from YAML has no domain
 * suffix, so short hosts resolve to {@code name.namespace}.
 */
class GatewaySimulationTest {

    /** Cases gwctl answers differently on purpose, with why. */
    private static final Map<String, String> DIFFERENCES = Map.of(
            "TestIngress__ingress-shared-tls-cert-conflict-beta-first.yaml",
            "Istio's in-cluster Ingress controller makes one Gateway per Ingress, which names the HTTPS route"
                    + " configuration; gwctl serves Ingresses through its converter, which merges them into one Gateway"
                    + " (docs/convert.md)");

    static Stream<Arguments> calls() throws IOException {
        Path dir = Corpus.dir("gateway-simulation");
        List<Arguments> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("Test")).sorted().toList()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> doc = (Map<String, Object>) new Load(LoadSettings.builder().build())
                        .loadFromString(Files.readString(f));
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> calls = (List<Map<String, Object>>) doc.get("calls");
                for (Map<String, Object> call : calls) {
                    out.add(Arguments.of(f.getFileName().toString(), call.get("name"), doc.get("config"), call));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("calls")
    @SuppressWarnings("unchecked")
    void reachesWhatIstioReaches(String file, String name, String config, Map<String, Object> call) {
        Assumptions.assumeFalse(DIFFERENCES.containsKey(file), () -> DIFFERENCES.get(file));
        List<Resource> resources = ConfigSet.load(List.of(new InMemorySource(file, config)),
                new ResourceReader("default")).resources();
        EnvoySnapshot snapshot = SnapshotBuilder.build(resources,
                new GatewayOptions(Map.of("istio", "ingressgateway"), Optional.empty(), ""));

        Map<String, Object> c = (Map<String, Object>) call.get("call");
        Map<String, Object> expect = (Map<String, Object>) call.get("expect");
        boolean tls = "simple".equals(c.get("tls"));
        boolean tcp = "tcp".equals(c.get("protocol"));
        String scheme = tcp ? (tls ? "tls" : "tcp") : (tls ? "https" : "http");
        TraceRequest request = new TraceRequest(scheme, ((Number) c.get("port")).intValue(), (String) c.get("sni"),
                (String) c.get("host"), (String) c.get("path"), null, Map.of());
        Trace trace = RequestMatcher.trace(snapshot, request);

        String why = String.join("\n", trace.steps());
        if (expect.containsKey("error")) {
            assertThat(trace.error()).as(why).isNotNull();
            assertThat(trace.error().code()).as(why).isEqualTo(expect.get("error"));
        } else {
            assertThat(trace.error()).as(why).isNull();
        }
        for (String field : List.of("listener", "routeConfig", "virtualHost", "cluster")) {
            if (expect.containsKey(field)) {
                String actual = switch (field) {
                    case "listener" -> trace.listener();
                    case "routeConfig" -> trace.routeConfig();
                    case "virtualHost" -> trace.virtualHost();
                    default -> trace.cluster();
                };
                assertThat(actual).as(field + "\n" + why).isEqualTo(expect.get(field));
            }
        }
    }
}
