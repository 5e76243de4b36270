package io.gwctl.cli.output;

import io.gwctl.validate.ValidationReport;
import java.io.PrintWriter;

/** Prints a validation report in one format. */
public interface ReportWriter {

    void write(ValidationReport report, PrintWriter out);
}
