package io.gwctl.validate.diagnostic;

import io.gwctl.model.resource.Resource;
import io.gwctl.model.yaml.Position;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the findings of one run. Checks report here and never throw for a user's mistake.
 *
 * <p>Not thread-safe: one run, one collector.
 */
public final class Findings {

    private final List<Diagnostic> diagnostics = new ArrayList<>();

    /** Reports {@code message} about field {@code path} of {@code resource}. */
    public void report(DiagnosticCode code, Resource resource, String path, String message) {
        Position at = resource.origin().at(path);
        diagnostics.add(new Diagnostic(code, message, resource.origin().source(), at.line(), at.column(),
                resource.kind(), resource.namespace(), resource.name(), path));
    }

    /** Reports a problem with a source itself, before any resource could be read from it. */
    public void reportSource(DiagnosticCode code, String source, Position at, String path, String message) {
        diagnostics.add(new Diagnostic(code, message, source, at.line(), at.column(), "", "", "", path));
    }

    public void add(Diagnostic diagnostic) {
        diagnostics.add(diagnostic);
    }

    /** What was reported so far, in report order. */
    public List<Diagnostic> all() {
        return List.copyOf(diagnostics);
    }

    /** How many findings have been reported so far: lets a check tell whether an earlier one spoke. */
    public int size() {
        return diagnostics.size();
    }
}
