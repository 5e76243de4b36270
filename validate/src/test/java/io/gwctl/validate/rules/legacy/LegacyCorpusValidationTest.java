package io.gwctl.validate.rules.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.testing.Corpus;

import io.gwctl.model.source.ConfigSource;
import io.gwctl.model.source.FileSource;
import io.gwctl.validate.Validation;
import io.gwctl.validate.diagnostic.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No false positives: every legacy input of Istio's own {@code convert-networking-config} tests
 * (istio/istio tag 0.8.0, {@code istioctl/cmd/istioctl/convert/testdata/v1alpha1}, which its converter
 * validated with {@code ValidateRouteRule} and friends before converting) passes every legacy rule; the
 * only legacy finding is the note on each object.
 */
class LegacyCorpusValidationTest {

    private static final String SUITE = "convert/istio-0.8.0-convert-networking-config/v1alpha1";
    /** 11 RouteRules, 2 DestinationPolicies, 3 EgressRules with an apiVersion. */
    private static final int LEGACY_OBJECTS = 16;

    @Test
    void istiosOwnInputsOnlyGetTheDeprecationNote() {
        List<ConfigSource> sources = list(corpusDir().resolve(SUITE)).stream()
                .map(p -> (ConfigSource) new FileSource(p, p.getFileName().toString()))
                .toList();
        List<Diagnostic> legacy = Validation.of(sources).diagnostics().stream().filter(LegacyYaml::isLegacy).toList();
        assertThat(legacy).allSatisfy(d -> assertThat(d.code()).as(d.toString()).isEqualTo(LegacyCodes.DEPRECATED_KIND));
        assertThat(legacy).hasSize(LEGACY_OBJECTS);
    }

    private static Path corpusDir() {
        return Corpus.dir("");
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
