package io.gwctl.model.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.testing.Corpus;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceReader;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.model.yaml.ParseProblem;
import io.gwctl.model.yaml.ParsedDocument;
import io.gwctl.model.yaml.ParsedSource;
import io.gwctl.model.yaml.YamlReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Binds every legacy input of Istio's {@code convert-networking-config} tests (istio/istio tag 0.8.0 and
 * f74b2e85, {@code istioctl/cmd/istioctl/convert/testdata/v1alpha1}) from the shared corpus: every
 * RouteRule, DestinationPolicy and EgressRule document must bind to its type with nothing lost.
 *
 * <p>Documents with an {@code apiVersion} go through {@link ResourceReader} as any input would; the
 * EgressRules of {@code egress-rule-tcp-wikipedia-cidr.yaml} have none (Istio's converter matched on
 * {@code kind} alone), so they are bound directly, with a mapper that has no settings of its own.
 */
class LegacyCorpusTest {

    private static final List<String> SUITES = List.of(
            "convert/istio-0.8.0-convert-networking-config/v1alpha1",
            "convert/istio-f74b2e85-convert-networking-config-final/v1alpha1");
    private static final Map<String, Class<?>> LEGACY_KINDS = Map.of(
            "RouteRule", RouteRule.class,
            "DestinationPolicy", DestinationPolicy.class,
            "EgressRule", EgressRule.class);
    /** 11 RouteRules, 2 DestinationPolicies and 8 EgressRules in each suite. */
    private static final int LEGACY_DOCUMENTS_PER_SUITE = 21;

    private final ObjectMapper plainMapper = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> everyLegacyInputBinds() {
        Path corpus = corpusDir();
        List<DynamicTest> tests = new ArrayList<>();
        for (String suite : SUITES) {
            List<Path> files = list(corpus.resolve(suite));
            tests.add(DynamicTest.dynamicTest(suite + " holds all legacy inputs",
                    () -> assertThat(files.stream().mapToInt(this::bindAll).sum())
                            .isEqualTo(LEGACY_DOCUMENTS_PER_SUITE)));
            for (Path file : files) {
                tests.add(DynamicTest.dynamicTest(suite + "/" + file.getFileName(), () -> bindAll(file)));
            }
        }
        return tests.stream();
    }

    /** Binds the legacy documents of {@code file}, asserting each bound; returns how many there were. */
    private int bindAll(Path file) {
        ParsedSource parsed = new YamlReader().read(file.toString(), read(file));
        assertThat(parsed.problems()).as("YAML problems in %s", file).isEmpty();
        int bound = 0;
        for (ParsedDocument document : parsed.documents()) {
            if (!(document.root() instanceof Map<?, ?> root) || !LEGACY_KINDS.containsKey(root.get("kind"))) {
                continue;
            }
            Class<?> expected = LEGACY_KINDS.get(root.get("kind"));
            Object object = root.containsKey("apiVersion")
                    ? readAsResource(file, document, expected)
                    : plainMapper.convertValue(root, expected);
            LegacyObject<?> legacy = (LegacyObject<?>) object;
            assertThat(legacy.getMetadata().getName()).as("name in %s", file).isNotEmpty();
            assertThat(legacy.getSpec()).as("spec in %s", file).isNotNull();
            bound++;
        }
        return bound;
    }

    private static Object readAsResource(Path file, ParsedDocument document, Class<?> expected) {
        List<ParseProblem> problems = new ArrayList<>();
        List<Resource> resources = new ResourceReader("default").read(file.toString(), document, problems);
        assertThat(problems).isEmpty();
        Resource resource = resources.get(0);
        assertThat(resource.type()).get().matches(ResourceType::isLegacy, "is a legacy kind");
        assertThat(resource.bindError()).as("bind error in %s", file).isEmpty();
        assertThat(resource.object()).get().isInstanceOf(expected);
        assertThat(resource.spec()).as("spec of %s", file).isPresent();
        return resource.object().get();
    }

    static Path corpusDir() {
        return Corpus.dir("");
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
