package io.gwctl.cli.output;

import io.gwctl.validate.ValidationReport;
import io.gwctl.validate.diagnostic.Diagnostic;
import io.gwctl.validate.diagnostic.Severity;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report as data, for scripts: {@code {"diagnostics":[…],"summary":{…}}} in JSON or YAML, the keys
 * of each diagnostic always present and in a fixed order ({@code istioCode} null when there is none;
 * {@code line} and {@code column} null for an object read from a cluster). The summary's {@code files} counts
 * files alone, and {@code clusterObjects} the live objects checked, null when no cluster was read.
 */
final class StructuredReportWriter implements ReportWriter {

    private final boolean yaml;

    StructuredReportWriter(boolean yaml) {
        this.yaml = yaml;
    }

    @Override
    public void write(ValidationReport report, InputCounts inputs, PrintWriter out) {
        (yaml ? DataFormat.yaml : DataFormat.json).write(toMap(report, inputs), out);
    }

    static Map<String, Object> toMap(ValidationReport report, InputCounts inputs) {
        List<Map<String, Object>> diagnostics = new ArrayList<>();
        for (Diagnostic d : report.diagnostics()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", d.code().code());
            m.put("severity", d.severity().label());
            m.put("message", d.message());
            m.put("file", d.file());
            m.put("line", d.line() > 0 ? d.line() : null);
            m.put("column", d.line() > 0 ? d.column() : null);
            m.put("kind", d.kind().isEmpty() ? null : d.kind());
            m.put("namespace", d.namespace().isEmpty() ? null : d.namespace());
            m.put("name", d.name().isEmpty() ? null : d.name());
            m.put("path", d.path().isEmpty() ? null : d.path());
            m.put("istioCode", d.code().istioCode().orElse(null));
            diagnostics.add(m);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("errors", report.count(Severity.ERROR));
        summary.put("warnings", report.count(Severity.WARNING));
        summary.put("infos", report.count(Severity.INFO));
        summary.put("resources", report.resources());
        summary.put("files", inputs.files());
        summary.put("clusterObjects", inputs.clusterObjects().isPresent() ? inputs.clusterObjects().getAsInt() : null);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("diagnostics", diagnostics);
        doc.put("summary", summary);
        return doc;
    }
}
