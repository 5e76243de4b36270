package io.gwctl.cli.output;

/** The formats of {@code validate -o}. */
public enum ReportFormat {
    text,
    json,
    yaml;

    /** The writer for this format; only text is ever coloured. */
    public ReportWriter writer(boolean colour) {
        return switch (this) {
            case text -> new TextReportWriter(colour);
            case json -> new StructuredReportWriter(false);
            case yaml -> new StructuredReportWriter(true);
        };
    }
}
