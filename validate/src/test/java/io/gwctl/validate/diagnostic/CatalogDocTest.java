package io.gwctl.validate.diagnostic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/diagnostics.md is generated from {@link Catalog}; this test fails when the committed page is out
 * of date. {@code -Dgolden.update=true} rewrites it.
 */
class CatalogDocTest {

    private static final Path DOC = Path.of("../docs/diagnostics.md");

    @Test
    void codesAreUniqueAndWellFormed() {
        assertThat(Catalog.all()).extracting(DiagnosticCode::code).doesNotHaveDuplicates()
                .allMatch(c -> c.matches("GW\\d{4}"));
        assertThat(Catalog.all()).allSatisfy(c -> assertThat(c.description()).as(c.code()).endsWith("."));
    }

    @Test
    void docsListEveryCode() throws IOException {
        String expected = render();
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as("docs/diagnostics.md is out of date: run the validate module's tests with -Dgolden.update=true")
                .isEqualTo(expected);
    }

    static String render() {
        StringBuilder out = new StringBuilder("""
                # Diagnostic codes

                Every finding of `gwctl validate` carries one of these codes. Codes are stable and never reused.
                The numbering is by area: 00xx sources and YAML, 01xx schema, 02xx Gateway, 03xx VirtualService,
                04xx DestinationRule, 05xx ServiceEntry, 06xx Ingress, 07xx legacy `config.istio.io` kinds,
                08xx analysis across resources, 09xx what Envoy would reject, 10xx metadata common to all kinds.
                `Istio` is the
                `istioctl analyze` code the finding corresponds to: Istio's per-resource validation errors
                appear there as IST0106 and its warnings as IST0133.

                This page is generated from the code (`validate/.../diagnostic/Catalog.java`) and checked by a test.

                | code | severity | Istio | what it finds |
                |---|---|---|---|
                """);
        for (DiagnosticCode c : Catalog.all()) {
            out.append("| ").append(c.code()).append(" | ").append(c.severity().label()).append(" | ")
                    .append(c.istioCode().orElse("")).append(" | ")
                    .append(c.description().replace("|", "\\|")).append(" |\n");
        }
        return out.toString();
    }
}
