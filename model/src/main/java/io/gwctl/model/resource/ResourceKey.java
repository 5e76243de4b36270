package io.gwctl.model.resource;

import java.util.Comparator;
import java.util.Objects;

/**
 * What identifies an object in a cluster: kind, namespace and name. Two resources with one key are the
 * same object (a later one replaces an earlier one, as {@code kubectl apply} would).
 */
public record ResourceKey(String kind, String namespace, String name) implements Comparable<ResourceKey> {

    private static final Comparator<ResourceKey> ORDER = Comparator.comparing(ResourceKey::kind)
            .thenComparing(ResourceKey::namespace).thenComparing(ResourceKey::name);

    public ResourceKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public int compareTo(ResourceKey o) {
        return ORDER.compare(this, o);
    }

    /** {@code Gateway istio-system/gw}: how istioctl names an object in its messages. */
    @Override
    public String toString() {
        return namespace.isEmpty() ? kind + " " + name : kind + " " + namespace + "/" + name;
    }
}
