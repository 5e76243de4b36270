package io.gwctl.validate.diagnostic;

import java.util.Comparator;
import java.util.Objects;

/**
 * One finding: what is wrong, how badly, and exactly where.
 *
 * @param code      the catalog entry
 * @param message   one line, with Istio's own wording where Istio has the same check
 * @param file      the source, as the user named it
 * @param line      1-based
 * @param column    1-based
 * @param kind      the resource's kind, or empty for a problem with the file itself
 * @param namespace the resource's namespace, or empty
 * @param name      the resource's name, or empty
 * @param path      the field path inside the resource ({@code spec.servers[0].port.number}), or empty
 */
public record Diagnostic(DiagnosticCode code, String message, String file, int line, int column,
        String kind, String namespace, String name, String path) {

    /** The order of output: by file, then position, then code. */
    public static final Comparator<Diagnostic> ORDER = Comparator.comparing(Diagnostic::file)
            .thenComparingInt(Diagnostic::line)
            .thenComparingInt(Diagnostic::column)
            .thenComparing(d -> d.code().code())
            .thenComparing(Diagnostic::message);

    public Diagnostic {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
    }

    public Severity severity() {
        return code.severity();
    }

    /** {@code Gateway istio-system/gw}, or empty when the finding is about a file. */
    public String resource() {
        if (kind.isEmpty()) {
            return "";
        }
        return namespace.isEmpty() ? kind + " " + name : kind + " " + namespace + "/" + name;
    }
}
