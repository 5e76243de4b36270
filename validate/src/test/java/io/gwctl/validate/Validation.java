package io.gwctl.validate;

import io.gwctl.model.resource.ResourceReader;
import io.gwctl.model.source.ConfigSet;
import io.gwctl.model.source.ConfigSource;
import io.gwctl.model.source.InMemorySource;
import io.gwctl.validate.diagnostic.Diagnostic;
import io.gwctl.validate.diagnostic.DiagnosticCode;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs the whole validator over YAML written in a test, as {@code test.yaml}, so a rule's test reads
 * like the user's file and asserts what the user would see (code, line, message).
 */
public final class Validation {

    /** The name findings carry for the test's YAML. */
    public static final String FILE = "test.yaml";

    private Validation() {
    }

    /** Validates {@code yaml} (one or more documents) in the {@code default} namespace. */
    public static ValidationReport of(String yaml) {
        return of(List.of(new InMemorySource(FILE, yaml)));
    }

    public static ValidationReport of(List<ConfigSource> sources) {
        return new Validator().validate(ConfigSet.load(sources, new ResourceReader("default")));
    }

    /** The findings of {@code yaml} that carry {@code code}. */
    public static List<Diagnostic> findings(String yaml, DiagnosticCode code) {
        return of(yaml).diagnostics().stream().filter(d -> d.code() == code).collect(Collectors.toList());
    }

    /** One line per finding, {@code line:column code message}, for readable assertion failures. */
    public static String describe(ValidationReport report) {
        return report.diagnostics().stream()
                .map(d -> d.line() + ":" + d.column() + " " + d.code().code() + " " + d.message())
                .collect(Collectors.joining("\n"));
    }
}
