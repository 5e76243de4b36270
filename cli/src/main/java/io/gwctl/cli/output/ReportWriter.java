package io.gwctl.cli.output;

import io.gwctl.validate.ValidationReport;
import java.io.PrintWriter;

/** Prints a validation report in one format. */
public interface ReportWriter {

    /** Prints {@code report}, whose resources all came from files. */
    default void write(ValidationReport report, PrintWriter out) {
        write(report, InputCounts.filesOf(report), out);
    }

    /** Prints {@code report}, its summary counting what {@code inputs} says it was read from. */
    void write(ValidationReport report, InputCounts inputs, PrintWriter out);
}
