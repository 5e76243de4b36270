package io.gwctl.validate.analysis.hosts;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The namespaces a VirtualService, DestinationRule or ServiceEntry is visible in ({@code exportTo}), or a
 * Service ({@code networking.istio.io/exportTo}): unset or containing {@code *} means every namespace,
 * {@code .} the object's own.
 */
public final class ExportTo {

    /** The scope that stands for every namespace. */
    public static final String ALL = "*";
    /** The scope that stands for the object's own namespace. */
    public static final String LOCAL = ".";

    private ExportTo() {
    }

    /** Whether {@code exportTo} makes the object visible everywhere (Istio's {@code IsExportToAllNamespaces}). */
    public static boolean isAll(List<String> exportTo) {
        return exportTo == null || exportTo.isEmpty() || exportTo.contains(ALL);
    }

    /** The scopes of {@code exportTo} of an object in {@code namespace}: {@code {*}}, or namespace names. */
    public static Set<String> scopes(List<String> exportTo, String namespace) {
        if (isAll(exportTo)) {
            return Set.of(ALL);
        }
        Set<String> scopes = new LinkedHashSet<>();
        for (String e : exportTo) {
            if (e != null) {
                scopes.add(LOCAL.equals(e) ? namespace : e);
            }
        }
        return scopes;
    }

    /** The scopes of a Service's {@code networking.istio.io/exportTo} annotation (comma-separated). */
    public static Set<String> ofAnnotation(String annotation, String namespace) {
        if (annotation == null || annotation.isEmpty()) {
            return Set.of(ALL);
        }
        Set<String> scopes = new LinkedHashSet<>();
        for (String part : annotation.split(",")) {
            String ns = part.trim();
            scopes.add(LOCAL.equals(ns) ? namespace : ns);
        }
        return scopes;
    }

    /** Whether something with {@code scopes} is visible from {@code namespace}. */
    public static boolean visibleIn(Set<String> scopes, String namespace) {
        return scopes.contains(ALL) || scopes.contains(namespace);
    }
}
