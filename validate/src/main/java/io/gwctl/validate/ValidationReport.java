package io.gwctl.validate;

import io.gwctl.validate.diagnostic.Diagnostic;
import io.gwctl.validate.diagnostic.Severity;
import java.util.List;

/**
 * The findings of one run, sorted by file and position, with the counts for the summary.
 *
 * @param diagnostics the findings
 * @param resources   how many resources were read
 * @param files       how many sources were read
 */
public record ValidationReport(List<Diagnostic> diagnostics, int resources, int files) {

    public ValidationReport {
        diagnostics = List.copyOf(diagnostics);
    }

    public long count(Severity severity) {
        return diagnostics.stream().filter(d -> d.severity() == severity).count();
    }

    public boolean hasErrors() {
        return count(Severity.ERROR) > 0;
    }
}
