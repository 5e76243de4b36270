package io.gwctl.validate.analysis;

import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.diagnostic.DiagnosticCode;
import io.gwctl.validate.diagnostic.Findings;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What an {@link Analyzer} sees: every resource, indexed by kind, indexes shared between analyzers, and
 * where to report.
 */
public final class AnalysisContext {

    private final List<Resource> resources;
    private final Map<ResourceType, List<Resource>> byType = new EnumMap<>(ResourceType.class);
    private final Map<Class<?>, Object> shared = new HashMap<>();
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

    /**
     * The resources of an API group and kind gwctl has no type for (a Node, a RequestAuthentication, a
     * Gateway API Gateway), read as plain trees; {@code group} is empty for the core group.
     */
    public List<Resource> ofKind(String group, String kind) {
        return resources.stream()
                .filter(r -> r.kind().equals(kind) && ResourceType.groupOf(r.apiVersion()).equals(group))
                .toList();
    }

    /**
     * An index several analyzers use (the services of the mesh, the workloads), built once per run by
     * {@code build} and kept under {@code type}.
     */
    public <T> T shared(Class<T> type, Function<AnalysisContext, T> build) {
        Object found = shared.get(type);
        if (found == null) {
            found = Objects.requireNonNull(build.apply(this), "build");
            shared.put(type, found);
        }
        return type.cast(found);
    }

    public void report(DiagnosticCode code, Resource resource, String path, String message) {
        findings.report(code, resource, path, message);
    }
}
