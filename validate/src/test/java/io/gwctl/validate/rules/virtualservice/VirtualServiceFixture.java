package io.gwctl.validate.rules.virtualservice;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.validate.Validation;
import io.gwctl.validate.ValidationReport;
import io.gwctl.validate.diagnostic.Diagnostic;
import java.util.List;
import java.util.stream.Collectors;

/**
 * VirtualServices for rule tests: a test writes only the {@code spec} (without the {@code spec:} line and
 * without its indentation) and names lines by their number inside that text, counted from 1.
 */
final class VirtualServiceFixture {

    /** The lines before the spec's first line. */
    private static final String HEADER = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: vs
              namespace: default
            spec:
            """;
    private static final int HEADER_LINES = 6;

    private VirtualServiceFixture() {
    }

    /** The whole document for {@code spec}. */
    static String yaml(String spec) {
        return HEADER + spec.lines().map(l -> "  " + l).collect(Collectors.joining("\n", "", "\n"));
    }

    /** The findings with {@code code} for {@code spec}. */
    static List<Diagnostic> findings(String spec, VirtualServiceCodes code) {
        return Validation.findings(yaml(spec), code);
    }

    /** Asserts that {@code spec} has no finding with {@code code}. */
    static void assertNone(String spec, VirtualServiceCodes code) {
        assertThat(findings(spec, code)).as(() -> describe(spec)).isEmpty();
    }

    /** Asserts that {@code spec} has exactly one finding with {@code code}, at {@code specLine}, saying {@code message}. */
    static void assertOne(String spec, VirtualServiceCodes code, int specLine, String message) {
        assertThat(findings(spec, code)).as(() -> describe(spec)).singleElement().satisfies(d -> {
            assertThat(d.message()).isEqualTo(message);
            assertThat(d.line()).as("line").isEqualTo(HEADER_LINES + specLine);
        });
    }

    /** Asserts the messages of all findings with {@code code}, in order of position. */
    static void assertMessages(String spec, VirtualServiceCodes code, String... messages) {
        assertThat(findings(spec, code)).as(() -> describe(spec)).extracting(Diagnostic::message).containsExactly(messages);
    }

    /** The line in the whole document of line {@code specLine} of the spec. */
    static int line(int specLine) {
        return HEADER_LINES + specLine;
    }

    private static String describe(String spec) {
        ValidationReport report = Validation.of(yaml(spec));
        return "all findings:\n" + Validation.describe(report);
    }
}
