package io.gwctl.validate.rules.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.validate.Validation;
import io.gwctl.validate.diagnostic.Diagnostic;
import io.gwctl.validate.diagnostic.DiagnosticCode;
import java.util.List;

/**
 * Assertions for rule tests: what the user would see for a YAML document, one code at a time. Failures
 * print every finding of the document, so a wrong line or a neighbouring rule's finding is visible at once.
 */
public final class RuleAssertions {

    private RuleAssertions() {
    }

    /** {@code yaml} has exactly one finding with {@code code}, at {@code line}, saying {@code message}. */
    public static void assertOne(String yaml, DiagnosticCode code, int line, String message) {
        List<Diagnostic> found = Validation.findings(yaml, code);
        assertThat(found).as("%s findings of:%n%s", code.code(), Validation.describe(Validation.of(yaml)))
                .singleElement().satisfies(d -> {
                    assertThat(d.message()).isEqualTo(message);
                    assertThat(d.line()).as("line of: %s", d.path()).isEqualTo(line);
                });
    }

    /** {@code yaml} has no finding with any of {@code codes}. */
    public static void assertNone(String yaml, DiagnosticCode... codes) {
        for (DiagnosticCode code : codes) {
            assertThat(Validation.findings(yaml, code))
                    .as("%s findings of:%n%s", code.code(), Validation.describe(Validation.of(yaml)))
                    .isEmpty();
        }
    }
}
