package io.gwctl.validate.rules.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.testing.Corpus;

import io.gwctl.model.source.ConfigSource;
import io.gwctl.model.source.FileSource;
import io.gwctl.validate.Validation;
import io.gwctl.validate.diagnostic.Diagnostic;
import io.gwctl.validate.diagnostic.Severity;
import io.gwctl.validate.schema.SchemaCodes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No false positives on real Ingresses: the inputs of Istio's Ingress conversion tests (istio/istio
 * 0.8.0, f74b2e85, 1.0.0, 1.8.0: extensions/v1beta1 and networking.k8s.io/v1beta1) and of
 * ingress2gateway's nginx provider (networking.k8s.io/v1) give no Ingress or schema errors.
 *
 * <p>Two suites were never sent to an API server, only built in Go tests, and break its rules; they pin
 * down that gwctl says so: Istio master's v1 Ingresses have no {@code pathType}, and ingress2gateway's
 * reader test names IngressClasses with capitals.
 */
class IngressCorpusValidationTest {

    @Test
    void istioAndNginxInputsHaveNoErrors() {
        for (String suite : List.of(
                "convert/istio-0.8.0-convert-networking-config/v1alpha1",
                "convert/istio-f74b2e85-convert-networking-config-final/v1alpha1",
                "convert/istio-1.0.0-convert-ingress/ingress",
                "convert/istio-1.8.0-convert-ingress/ingress",
                "convert/istio-1.8.0-pilot-ingress-conversion",
                "convert/ingress2gateway-89ab0cdd-nginx-provider/input")) {
            assertThat(errors(suite)).as(suite).isEmpty();
        }
    }

    @Test
    void istioMasterTestIngressesLackPathType() {
        List<Diagnostic> errors = errors("convert/istio-master-86c9f01f-pilot-ingress-conversion");
        assertThat(errors).isNotEmpty()
                .allSatisfy(d -> assertThat(d.code()).as(d.toString()).isEqualTo(IngressCodes.PATH_TYPE_REQUIRED));
    }

    @Test
    void ingress2gatewayReaderTestUsesInvalidClassNames() {
        List<Diagnostic> errors = errors("convert/ingress2gateway-89ab0cdd-common-input-only");
        assertThat(errors).extracting(Diagnostic::code).containsOnly(IngressCodes.INGRESS_CLASS_NAME_INVALID)
                .hasSize(3);
    }

    /** The Ingress and schema errors of the YAML files in {@code suite}. */
    private static List<Diagnostic> errors(String suite) {
        List<ConfigSource> sources = list(corpusDir().resolve(suite)).stream()
                .map(p -> (ConfigSource) new FileSource(p, suite + "/" + p.getFileName()))
                .toList();
        Set<Class<?>> families = Set.of(IngressCodes.class, SchemaCodes.class);
        return Validation.of(sources).diagnostics().stream()
                .filter(d -> d.severity() == Severity.ERROR && families.contains(d.code().getClass()))
                .toList();
    }

    private static Path corpusDir() {
        return Corpus.dir("");
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".yaml") && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
