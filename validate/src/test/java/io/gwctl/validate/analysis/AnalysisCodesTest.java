package io.gwctl.validate.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.validate.diagnostic.Catalog;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The GW08xx catalog entries: numbered in their area, each tied to its {@code istioctl analyze} code and analyzer. */
class AnalysisCodesTest {

    @Test
    void everyCodeIsAnAnalysisCodeWithItsIstioCodeAndAnalyzer() {
        assertThat(AnalysisCodes.values()).allSatisfy(c -> {
            assertThat(c.code()).startsWith("GW08");
            assertThat(c.istioCode()).hasValueSatisfying(ist -> assertThat(ist).matches("IST\\d{4}"));
            assertThat(c.istioAnalyzers()).isNotEmpty();
            assertThat(Catalog.find(c.code())).contains(c);
        });
    }

    @Test
    void everyAnalyzerHasADistinctName() {
        assertThat(Analyzers.all()).extracting(Analyzer::name).doesNotHaveDuplicates()
                .hasSize(Analyzers.all().size());
        assertThat(Arrays.stream(AnalysisCodes.values()).map(AnalysisCodes::code)).doesNotHaveDuplicates();
    }
}
