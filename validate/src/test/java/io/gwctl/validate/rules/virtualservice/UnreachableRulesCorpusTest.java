package io.gwctl.validate.rules.virtualservice;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.testing.Corpus;

import io.gwctl.model.resource.ResourceReader;
import io.gwctl.model.source.ConfigSet;
import io.gwctl.model.source.ConfigSource;
import io.gwctl.model.source.FileSource;
import io.gwctl.validate.ValidationReport;
import io.gwctl.validate.Validator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Istio's own expectations for its unreachable-rule analysis, on its own test data:
 * {@code virtualservice_dupmatches.yaml} and {@code virtualservice_overlappingmatches.yaml} from
 * istio/istio {@code pkg/config/analysis/analyzers/testdata}, run in one case by
 * {@code analyzers_test.go} with {@code schema.ValidationAnalyzer.VirtualService} (see the corpus's
 * {@code EXPECTED.md}). The comparison is Istio's: an unordered multiset of (IST code, resource), here over
 * every finding with a VirtualService code, so no other VirtualService check may fire on these files
 * either. As in Istio's harness, objects without a namespace get none.
 */
class UnreachableRulesCorpusTest {

    private static final List<String> FILES = List.of("virtualservice_dupmatches.yaml", "virtualservice_overlappingmatches.yaml");

    @Test
    void istioAnalyzerExpectationsHold() throws Exception {
        Path dir = corpusDir();
        List<ConfigSource> sources = FILES.stream()
                .<ConfigSource>map(f -> new FileSource(dir.resolve(f), f))
                .toList();
        ValidationReport report = new Validator().validate(ConfigSet.load(sources, new ResourceReader("")));

        List<String> found = report.diagnostics().stream()
                .filter(d -> d.code() instanceof VirtualServiceCodes)
                .map(d -> d.code().istioCode().orElse(d.code().code()) + " " + d.resource())
                .toList();

        assertThat(found).as("findings with VirtualService codes").containsExactlyInAnyOrder(
                "IST0130 VirtualService duplicate-match",
                "IST0130 VirtualService foo/sample-foo-cluster01",
                "IST0131 VirtualService almost-duplicate-match",
                "IST0131 VirtualService duplicate-match",
                "IST0130 VirtualService duplicate-tcp-match",
                "IST0130 VirtualService duplicate-empty-tcp",
                "IST0131 VirtualService almost-duplicate-tcp-match",
                "IST0131 VirtualService duplicate-tcp-match",
                "IST0130 VirtualService none/tls-routing",
                "IST0131 VirtualService none/tls-routing-almostmatch",
                "IST0131 VirtualService none/tls-routing",
                "IST0131 VirtualService non-method-get",
                "IST0131 VirtualService overlapping-in-single-match",
                "IST0131 VirtualService overlapping-in-two-matches",
                "IST0131 VirtualService overlapping-mathes-with-different-methods");
    }

    /** The corpus directory; without it the test is skipped loudly, and fails on CI. */
    private static Path corpusDir() {
        Path dir = Corpus.dir("istio-analyzers");
        FILES.forEach(f -> assertThat(dir.resolve(f)).isRegularFile());
        return dir;
    }
}
