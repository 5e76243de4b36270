package io.gwctl.model.resource;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One object read from a source: its identity, its plain tree (what the user wrote), its typed form,
 * and where each of its fields stands.
 *
 * <p>The typed form is absent when the tree does not fit the kind's schema (a string where a number
 * belongs); checks that need types skip such a resource, and the schema check says what is wrong.
 *
 * @param type              the kind, or empty for a kind gwctl does not know
 * @param apiVersion        as written
 * @param kind              as written
 * @param namespace         {@code metadata.namespace}, or the default namespace when it is not set
 * @param declaredNamespace whether {@code metadata.namespace} was set
 * @param name              {@code metadata.name}, or empty
 * @param tree              the object as written
 * @param object            the typed object (a fabric8 class), when the tree binds
 * @param spec              the typed {@code spec} of an object that has one (the shared Istio spec class
 *                          for all three {@code networking.istio.io} versions)
 * @param bindError         why the tree did not bind, when it did not
 * @param origin            where it came from
 */
public record Resource(
        Optional<ResourceType> type,
        String apiVersion,
        String kind,
        String namespace,
        boolean declaredNamespace,
        String name,
        Map<String, Object> tree,
        Optional<Object> object,
        Optional<Object> spec,
        Optional<String> bindError,
        Origin origin) {

    public Resource {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(bindError, "bindError");
        Objects.requireNonNull(origin, "origin");
    }

    public ResourceKey key() {
        return new ResourceKey(kind, namespace, name);
    }

    /** Whether this resource is of {@code t}. */
    public boolean is(ResourceType t) {
        return type.filter(t::equals).isPresent();
    }

    /** The typed spec as {@code cls}, when it bound and is of that class. */
    public <T> Optional<T> spec(Class<T> cls) {
        return spec.filter(cls::isInstance).map(cls::cast);
    }

    /** The typed object as {@code cls}, when it bound and is of that class. */
    public <T> Optional<T> as(Class<T> cls) {
        return object.filter(cls::isInstance).map(cls::cast);
    }
}
