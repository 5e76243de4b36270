package io.gwctl.validate.rules;

import io.gwctl.model.resource.Resource;
import io.gwctl.validate.diagnostic.DiagnosticCode;
import io.gwctl.validate.diagnostic.Findings;
import java.util.Objects;

/** What a {@link ResourceRule} sees: the resource, and where to report. */
public final class RuleContext {

    private final Resource resource;
    private final Findings findings;

    public RuleContext(Resource resource, Findings findings) {
        this.resource = Objects.requireNonNull(resource, "resource");
        this.findings = Objects.requireNonNull(findings, "findings");
    }

    public Resource resource() {
        return resource;
    }

    /**
     * The typed spec; present for every resource a rule for a typed Istio kind is given.
     *
     * @throws IllegalStateException when the spec is not of {@code cls}: a rule asked for the wrong kind
     */
    public <T> T spec(Class<T> cls) {
        return resource.spec(cls).orElseThrow(() -> new IllegalStateException(
                "rule asked for " + cls.getSimpleName() + " of " + resource.key()));
    }

    /** Reports {@code message} at field {@code path} of the resource. */
    public void report(DiagnosticCode code, String path, String message) {
        findings.report(code, resource, path, message);
    }

    /** Reports a formatted message: {@code report(code, path, "port %d out of range", n)}. */
    public void report(DiagnosticCode code, String path, String format, Object... args) {
        findings.report(code, resource, path, String.format(format, args));
    }
}
