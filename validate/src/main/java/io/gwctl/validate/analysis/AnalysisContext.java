package io.gwctl.validate.analysis;

import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.diagnostic.DiagnosticCode;
import io.gwctl.validate.diagnostic.Findings;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What an {@link Analyzer} sees: every resource, indexed by kind, and where to report. */
public final class AnalysisContext {

    private final List<Resource> resources;
    private final Map<ResourceType, List<Resource>> byType = new EnumMap<>(ResourceType.class);
    private final Findings findings;

    /**
     * @param resources the configuration, one resource per kind/namespace/name, in source order
     * @param findings  where findings go
     */
    public AnalysisContext(List<Resource> resources, Findings findings) {
        this.resources = List.copyOf(resources);
        this.findings = Objects.requireNonNull(findings, "findings");
        for (Resource r : this.resources) {
            r.type().ifPresent(t -> byType.computeIfAbsent(t, k -> new ArrayList<>()).add(r));
        }
    }

    /** All resources, in source order. */
    public List<Resource> resources() {
        return resources;
    }

    /** The resources of {@code type} whose typed form bound, in source order. */
    public List<Resource> ofType(ResourceType type) {
        return byType.getOrDefault(type, List.of()).stream().filter(r -> r.object().isPresent()).toList();
    }

    public void report(DiagnosticCode code, Resource resource, String path, String message) {
        findings.report(code, resource, path, message);
    }
}
