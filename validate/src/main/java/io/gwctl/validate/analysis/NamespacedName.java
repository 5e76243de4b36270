package io.gwctl.validate.analysis;

import io.gwctl.model.resource.Resource;
import java.util.Objects;

/**
 * A namespace and a name: what a reference in one resource resolves to.
 *
 * @param namespace the namespace
 * @param name      the name
 */
public record NamespacedName(String namespace, String name) {

    public NamespacedName {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
    }

    /** The namespace and name of {@code resource}. */
    public static NamespacedName of(Resource resource) {
        return new NamespacedName(resource.namespace(), resource.name());
    }

    /** {@code ns/name}, as Istio prints it. */
    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
