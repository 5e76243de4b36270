package io.gwctl.translate.envoy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The namespaces a VirtualService, DestinationRule, ServiceEntry or Service is exported to (its
 * {@code exportTo}; for a Kubernetes Service the {@code networking.istio.io/exportTo} annotation), as pilot reads
 * them (istio/istio {@code pkg/config/visibility}, {@code pilot/pkg/model/push_context.go}):
 *
 * <ul>
 *   <li>{@code *}: every namespace, whatever else is listed;</li>
 *   <li>{@code ~}: no namespace (unless {@code *} is listed too);</li>
 *   <li>{@code .}: the object's own namespace;</li>
 *   <li>any other entry: that namespace;</li>
 *   <li>nothing: every namespace, the default while MeshConfig sets no {@code defaultVirtualServiceExportTo},
 *   {@code defaultDestinationRuleExportTo} or {@code defaultServiceExportTo}.</li>
 * </ul>
 *
 * @param owner      the object's namespace
 * @param namespaces the entries, {@code .} resolved to {@code owner}; empty when none are written
 */
public record ExportTo(String owner, Set<String> namespaces) {

    public static final String PUBLIC = "*";
    public static final String PRIVATE = ".";
    public static final String NONE = "~";

    public ExportTo {
        Objects.requireNonNull(owner, "owner");
        namespaces = Set.copyOf(namespaces);
    }

    /** The {@code exportTo} list of an object in {@code owner}; null or empty means the default. */
    public static ExportTo of(String owner, List<String> exportTo) {
        Set<String> out = new LinkedHashSet<>();
        if (exportTo != null) {
            for (String e : exportTo) {
                if (e == null || e.isBlank()) {
                    continue;
                }
                String ns = e.trim();
                out.add(ns.equals(PRIVATE) ? owner : ns);
            }
        }
        return new ExportTo(owner, out);
    }

    /** Whether every namespace sees the object: {@code *}, or nothing written. */
    public boolean isPublic() {
        return namespaces.isEmpty() || namespaces.contains(PUBLIC);
    }

    /** Whether config in {@code namespace} sees the object. */
    public boolean visibleTo(String namespace) {
        if (isPublic()) {
            return true;
        }
        return !namespaces.contains(NONE) && namespaces.contains(namespace);
    }

    /** Whether the object's own namespace is the only one that sees it. */
    public boolean isPrivate() {
        return namespaces.equals(Set.of(owner));
    }
}
