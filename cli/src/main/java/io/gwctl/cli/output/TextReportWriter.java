package io.gwctl.cli.output;

import io.gwctl.validate.ValidationReport;
import io.gwctl.validate.diagnostic.Diagnostic;
import io.gwctl.validate.diagnostic.Severity;
import java.io.PrintWriter;

/**
 * One finding per line in the compiler style editors understand, then a summary:
 * <pre>
 * gw.yaml:12:9: error GW0207 Gateway istio-system/gw: port number 70000 must be in the range 1..65535
 * 1 error, 0 warnings, 0 infos in 3 resources from 1 file
 * </pre>
 * An object read from a cluster has no line: its finding starts with the object,
 * {@code cluster:Gateway/istio-system/gw: error ...}, and the summary counts such objects apart from files:
 * {@code ... in 60 resources from 3 files and 57 cluster objects}.
 */
final class TextReportWriter implements ReportWriter {

    private static final String RED = "\033[1;31m";
    private static final String YELLOW = "\033[33m";
    private static final String CYAN = "\033[36m";
    private static final String RESET = "\033[0m";

    private final boolean colour;

    TextReportWriter(boolean colour) {
        this.colour = colour;
    }

    @Override
    public void write(ValidationReport report, InputCounts inputs, PrintWriter out) {
        for (Diagnostic d : report.diagnostics()) {
            StringBuilder line = new StringBuilder();
            line.append(d.file());
            if (d.line() > 0) {
                line.append(':').append(d.line()).append(':').append(d.column());
            }
            line.append(": ");
            line.append(paint(d.severity(), d.severity().label())).append(' ').append(d.code().code()).append(' ');
            if (!d.kind().isEmpty()) {
                line.append(d.resource()).append(": ");
            }
            line.append(d.message());
            out.println(line);
        }
        out.println(summary(report, inputs));
    }

    static String summary(ValidationReport report, InputCounts inputs) {
        return plural(report.count(Severity.ERROR), "error") + ", "
                + plural(report.count(Severity.WARNING), "warning") + ", "
                + plural(report.count(Severity.INFO), "info") + " in "
                + plural(report.resources(), "resource") + " from " + inputs.describe();
    }

    private static String plural(long n, String word) {
        return InputCounts.count(n, word);
    }

    private String paint(Severity severity, String text) {
        if (!colour) {
            return text;
        }
        String c = switch (severity) {
            case ERROR -> RED;
            case WARNING -> YELLOW;
            case INFO -> CYAN;
        };
        return c + text + RESET;
    }
}
