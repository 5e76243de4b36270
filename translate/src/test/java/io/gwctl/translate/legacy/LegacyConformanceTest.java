package io.gwctl.translate.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.testing.Corpus;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.gwctl.model.resource.Resource;
import io.gwctl.translate.convert.ConversionResult;
import io.gwctl.translate.convert.ConvertedFrom;
import io.gwctl.validate.rules.names.Durations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Conformance with Istio's own goldens for {@code istioctl experimental convert-networking-config}: the 19
 * RouteRule, DestinationPolicy and EgressRule cases of its final revision (f74b2e85,
 * {@code istioctl/cmd/istioctl/convert/testdata}); cases 20 and 21 are Ingress conversions. Inputs are
 * converted together in the listed order, as {@code cmd_test.go} did; outputs are compared as sets of
 * objects keyed by kind, namespace and name, durations by value, a missing weight as 0, subsets by name.
 *
 * <p>Where gwctl deliberately differs, the golden is changed by the {@link Difference}s the case lists and
 * that documented output is asserted. Every case also writes {@code networking.istio.io/v1} instead of
 * {@code v1alpha3}, carries the converted-from annotation, and passes {@code gwctl validate} with no
 * per-resource error.
 */
class LegacyConformanceTest {

    private static final String FOLDER = "convert/istio-f74b2e85-convert-networking-config-final";
    private static final Pattern DURATION = Pattern.compile("\\d+(\\.\\d+)?(ns|us|ms|s|m|h)");

    /** A deliberate difference from istioctl, as a change to its golden. */
    enum Difference {
        FAULT_PERCENTAGE("fault percent keeps its fraction: percentage.value instead of the truncated percent",
                LegacyConformanceTest::percentage),
        SOURCE_LABELS("match.source.labels is kept as sourceLabels on the rule's match; istioctl dropped it",
                LegacyConformanceTest::sourceLabels),
        WEBSOCKET("websocketUpgrade is gone from the API (upgrades are allowed by default): dropped",
                doc -> httpRoutes(doc).forEach(r -> r.remove("websocketUpgrade"))),
        APPEND_HEADERS("appendHeaders is gone from the API: written as headers.request.add",
                LegacyConformanceTest::appendHeaders),
        CORS_ORIGINS("corsPolicy.allowOrigin is deprecated: written as allowOrigins exact matches",
                LegacyConformanceTest::corsOrigins),
        CONSECUTIVE_5XX("httpConsecutiveErrors counted 5xx answers: consecutive5xxErrors, not the deprecated"
                + " consecutiveErrors", LegacyConformanceTest::consecutive5xx),
        SUFFIX_WILDCARD("a suffix wildcard *google.com is no longer a valid host: google.com and *.google.com",
                LegacyConformanceTest::suffixWildcard),
        POLICY_WITHOUT_LABELS("a policy for every instance is the DestinationRule's trafficPolicy, not an unused"
                + " subset named default", LegacyConformanceTest::defaultSubset),
        NO_API_VERSION("the input documents have no apiVersion, which gwctl's reader requires: the test supplies"
                + " config.istio.io/v1alpha2", doc -> { });

        final String why;
        final Consumer<Map<String, Object>> onGolden;

        Difference(String why, Consumer<Map<String, Object>> onGolden) {
            this.why = why;
            this.onGolden = onGolden;
        }
    }

    record Case(int number, List<String> inputs, String golden, Set<Difference> differences) {

        @Override
        public String toString() {
            return "#" + number + " " + golden + (differences.isEmpty() ? "" : " " + differences);
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case(1, List.of("rule-default-route.yaml"), "rule-default-route.yaml.golden", none()),
                new Case(2, List.of("rule-weighted-route.yaml"), "rule-weighted-route.yaml.golden", none()),
                new Case(3, List.of("rule-default-route.yaml", "rule-content-route.yaml"),
                        "rule-content-route.yaml.golden", EnumSet.of(Difference.SOURCE_LABELS)),
                new Case(4, List.of("rule-default-route.yaml", "rule-regex-route.yaml"),
                        "rule-regex-route.yaml.golden", EnumSet.of(Difference.SOURCE_LABELS)),
                new Case(5, List.of("rule-default-route.yaml", "rule-fault-injection.yaml"),
                        "rule-fault-injection.yaml.golden",
                        EnumSet.of(Difference.SOURCE_LABELS, Difference.FAULT_PERCENTAGE)),
                new Case(6, List.of("rule-default-route.yaml", "rule-redirect-injection.yaml"),
                        "rule-redirect-injection.yaml.golden", none()),
                new Case(7, List.of("rule-default-route.yaml", "rule-websocket-route.yaml"),
                        "rule-websocket-route.yaml.golden", EnumSet.of(Difference.WEBSOCKET)),
                new Case(8, List.of("rule-default-route-append-headers.yaml"),
                        "rule-default-route-append-headers.yaml.golden", EnumSet.of(Difference.APPEND_HEADERS)),
                new Case(9, List.of("rule-default-route-cors-policy.yaml"),
                        "rule-default-route-cors-policy.yaml.golden", EnumSet.of(Difference.CORS_ORIGINS)),
                new Case(10, List.of("rule-default-route-mirrored.yaml"),
                        "rule-default-route-mirrored.yaml.golden", none()),
                new Case(11, List.of("egress-rule-google.yaml"), "egress-rule-google.yaml.golden",
                        EnumSet.of(Difference.SUFFIX_WILDCARD)),
                new Case(12, List.of("egress-rule-httpbin.yaml"), "egress-rule-httpbin.yaml.golden", none()),
                new Case(13, List.of("egress-rule-tcp-wikipedia-cidr.yaml"),
                        "egress-rule-tcp-wikipedia-cidr.yaml.golden", EnumSet.of(Difference.NO_API_VERSION)),
                new Case(14, List.of("egress-rule-wildcard-httpbin.yaml"),
                        "egress-rule-wildcard-httpbin.yaml.golden", none()),
                new Case(15, List.of("destination-policy-helloworld.yaml"),
                        "destination-rule-helloworld.yaml.golden", EnumSet.of(Difference.CONSECUTIVE_5XX)),
                new Case(16, List.of("route-rule-80-20.yaml"), "route-rule-80-20.yaml.golden", none()),
                new Case(17, List.of("route-rule-80-20.yaml", "destination-policy-helloworld.yaml"),
                        "route-rule-80-20-with-destpolicy.yaml.golden", EnumSet.of(Difference.CONSECUTIVE_5XX)),
                new Case(18, List.of("destination-policy-helloworld.yaml", "route-rule-80-20.yaml"),
                        "destination-rule-helloworld-with-80-20.yaml.golden",
                        EnumSet.of(Difference.CONSECUTIVE_5XX)),
                new Case(19, List.of("nolabel-destination-policy.yaml"), "nolabel-destination-rule.yaml.golden",
                        EnumSet.of(Difference.CONSECUTIVE_5XX, Difference.POLICY_WITHOUT_LABELS)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesIstiosGoldenWithTheDocumentedDifferences(Case c) throws IOException {
        Path dir = Corpus.dir(FOLDER);
        List<Resource> inputs = new ArrayList<>();
        for (String input : c.inputs()) {
            String text = Files.readString(dir.resolve("v1alpha1").resolve(input));
            if (c.differences().contains(Difference.NO_API_VERSION)) {
                text = text.replace("\nkind: EgressRule", "\napiVersion: config.istio.io/v1alpha2\nkind: EgressRule");
            }
            inputs.addAll(Legacy.read(text));
        }

        ConversionResult result = new RouteRuleConverter().convert(inputs);

        assertThat(result.failures()).as("failures").isEmpty();
        Map<String, Object> actual = new TreeMap<>();
        for (HasMetadata o : result.objects()) {
            assertThat(o.getApiVersion()).isEqualTo("networking.istio.io/v1");
            assertThat(o.getMetadata().getAnnotations()).as("annotations of %s", o.getMetadata().getName())
                    .containsKey(ConvertedFrom.ANNOTATION);
            Map<String, Object> tree = normal(Legacy.tree(o));
            actual.put(key(tree), tree);
        }
        Map<String, Object> expected = new TreeMap<>();
        String golden = Files.readString(dir.resolve("v1alpha3").resolve(c.golden()));
        for (Object doc : new Load(LoadSettings.builder().build()).loadAllFromString(golden)) {
            if (doc == null) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> tree = (Map<String, Object>) deepCopy(doc);
            tree.put("apiVersion", "networking.istio.io/v1");
            c.differences().forEach(d -> d.onGolden.accept(tree));
            Map<String, Object> n = normal(tree);
            expected.put(key(n), n);
        }
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((k, v) -> assertThat(actual.get(k)).as(k).isEqualTo(v));
        assertThat(Legacy.perResourceErrors(result.objects())).as("gwctl validate errors").isEmpty();
    }

    /** Every documented difference is used by some case, and says why. */
    @org.junit.jupiter.api.Test
    void everyDifferenceIsExercisedAndExplained() {
        Set<Difference> used = EnumSet.noneOf(Difference.class);
        cases().forEach(c -> used.addAll(c.differences()));
        assertThat(used).containsExactlyInAnyOrder(Difference.values());
        assertThat(Difference.values()).allSatisfy(d -> assertThat(d.why).isNotBlank());
    }


    private static EnumSet<Difference> none() {
        return EnumSet.noneOf(Difference.class);
    }

    @SuppressWarnings("unchecked")
    private static String key(Map<String, Object> tree) {
        Map<String, Object> meta = (Map<String, Object>) tree.getOrDefault("metadata", Map.of());
        return tree.get("kind") + " " + meta.get("namespace") + "/" + meta.get("name");
    }

    /**
     * The comparable form of an object: no creationTimestamp or annotations, durations as seconds, numbers
     * as doubles, weight 0 and resolution NONE (the defaults) left out, subsets sorted by name.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> normal(Map<String, Object> tree) {
        Map<String, Object> copy = (Map<String, Object>) deepCopy(tree);
        Map<String, Object> meta = (Map<String, Object>) copy.get("metadata");
        if (meta != null) {
            meta.remove("creationTimestamp");
            meta.remove("annotations");
        }
        Object spec = copy.get("spec");
        if (spec instanceof Map<?, ?> s) {
            Map<String, Object> sm = (Map<String, Object>) s;
            if ("NONE".equals(sm.get("resolution"))) {
                sm.remove("resolution");
            }
            if (sm.get("subsets") instanceof List<?> subsets) {
                List<Object> sorted = new ArrayList<>(subsets);
                sorted.sort(Comparator.comparing(o -> String.valueOf(((Map<String, Object>) o).get("name"))));
                sm.put("subsets", sorted);
            }
        }
        return (Map<String, Object>) values(copy);
    }

    @SuppressWarnings("unchecked")
    private static Object values(Object node) {
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            ((Map<String, Object>) m).forEach((k, v) -> {
                if (!("weight".equals(k) && v instanceof Number n && n.doubleValue() == 0)) {
                    out.put(k, values(v));
                }
            });
            return out;
        }
        if (node instanceof List<?> l) {
            return l.stream().map(LegacyConformanceTest::values).toList();
        }
        if (node instanceof Number n) {
            return n.doubleValue();
        }
        if (node instanceof String s && DURATION.matcher(s).matches()) {
            return Durations.parse(s).map(ProtoDurations::format).orElse(s);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static Object deepCopy(Object node) {
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) m).forEach((k, v) -> out.put(k, deepCopy(v)));
            return out;
        }
        if (node instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(v -> out.add(deepCopy(v)));
            return out;
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(Map<String, Object> doc) {
        return (Map<String, Object>) doc.getOrDefault("spec", new LinkedHashMap<>());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> httpRoutes(Map<String, Object> doc) {
        return (List<Map<String, Object>>) spec(doc).getOrDefault("http", List.of());
    }

    @SuppressWarnings("unchecked")
    private static void percentage(Map<String, Object> doc) {
        for (Map<String, Object> route : httpRoutes(doc)) {
            if (route.get("fault") instanceof Map<?, ?> fault) {
                for (Object part : fault.values()) {
                    Map<String, Object> p = (Map<String, Object>) part;
                    Object percent = p.remove("percent");
                    if (percent != null) {
                        p.put("percentage", new LinkedHashMap<>(Map.of("value", percent)));
                    }
                }
            }
        }
    }

    /** The first route is the one converted from the rule with {@code match.source.labels: {version: v1}}. */
    @SuppressWarnings("unchecked")
    private static void sourceLabels(Map<String, Object> doc) {
        if ("VirtualService".equals(doc.get("kind"))) {
            Map<String, Object> match = ((List<Map<String, Object>>) httpRoutes(doc).get(0).get("match")).get(0);
            match.put("sourceLabels", new LinkedHashMap<>(Map.of("version", "v1")));
        }
    }

    private static void appendHeaders(Map<String, Object> doc) {
        for (Map<String, Object> route : httpRoutes(doc)) {
            Object add = route.remove("appendHeaders");
            if (add != null) {
                route.put("headers", new LinkedHashMap<>(Map.of("request", new LinkedHashMap<>(Map.of("add", add)))));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void corsOrigins(Map<String, Object> doc) {
        for (Map<String, Object> route : httpRoutes(doc)) {
            if (route.get("corsPolicy") instanceof Map<?, ?> cors) {
                Object origins = ((Map<String, Object>) cors).remove("allowOrigin");
                if (origins instanceof List<?> list) {
                    ((Map<String, Object>) cors).put("allowOrigins",
                            list.stream().map(o -> (Object) new LinkedHashMap<>(Map.of("exact", o))).toList());
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void consecutive5xx(Map<String, Object> doc) {
        List<Map<String, Object>> policies = new ArrayList<>();
        if (spec(doc).get("trafficPolicy") instanceof Map<?, ?> p) {
            policies.add((Map<String, Object>) p);
        }
        if (spec(doc).get("subsets") instanceof List<?> subsets) {
            for (Object s : subsets) {
                if (((Map<String, Object>) s).get("trafficPolicy") instanceof Map<?, ?> p) {
                    policies.add((Map<String, Object>) p);
                }
            }
        }
        for (Map<String, Object> p : policies) {
            if (p.get("outlierDetection") instanceof Map<?, ?> od && od.containsKey("consecutiveErrors")) {
                ((Map<String, Object>) od).put("consecutive5xxErrors",
                        ((Map<String, Object>) od).remove("consecutiveErrors"));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void suffixWildcard(Map<String, Object> doc) {
        List<Object> hosts = new ArrayList<>();
        for (Object h : (List<Object>) spec(doc).get("hosts")) {
            String host = (String) h;
            if (host.startsWith("*") && !host.startsWith("*.")) {
                hosts.add(host.substring(1));
                hosts.add("*." + host.substring(1));
            } else {
                hosts.add(host);
            }
        }
        spec(doc).put("hosts", hosts);
    }

    @SuppressWarnings("unchecked")
    private static void defaultSubset(Map<String, Object> doc) {
        List<Object> subsets = (List<Object>) spec(doc).get("subsets");
        Map<String, Object> only = (Map<String, Object>) subsets.get(0);
        spec(doc).put("trafficPolicy", only.get("trafficPolicy"));
        spec(doc).remove("subsets");
    }
}
