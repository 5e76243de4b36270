package io.gwctl.validate.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An object with named properties, some required, some in groups of which at most one may be set.
 *
 * <p>Created empty and {@linkplain #define defined} once, so that shapes can refer to each other in
 * cycles while {@link ModelSchemas} builds them; after that it never changes.
 */
final class ObjectShape implements Shape {

    private final String typeName;
    private Map<String, Shape> properties = Map.of();
    private List<OneOf> oneOfs = List.of();
    private List<String> required = List.of();
    private List<String> names = List.of();

    /** @param typeName the class it was read from, for debugging; messages say {@code object} */
    ObjectShape(String typeName) {
        this.typeName = Objects.requireNonNull(typeName, "typeName");
    }

    /** An object with exactly {@code properties}, none required: for fields the model lacks. */
    static ObjectShape of(String typeName, Map<String, Shape> properties) {
        ObjectShape shape = new ObjectShape(typeName);
        shape.define(properties, List.of(), Set.of());
        return shape;
    }

    void define(Map<String, Shape> properties, List<OneOf> oneOfs, Set<String> required) {
        this.properties = Map.copyOf(properties);
        this.oneOfs = List.copyOf(oneOfs);
        this.required = required.stream().sorted().toList();
        List<String> sorted = new ArrayList<>(properties.keySet());
        sorted.sort(null);
        this.names = List.copyOf(sorted);
    }

    /** The shape of property {@code name}, or null when the object has no such property. */
    Shape property(String name) {
        return properties.get(name);
    }

    /** Every property name, sorted: the candidates for a "did you mean" hint. */
    List<String> names() {
        return names;
    }

    List<OneOf> oneOfs() {
        return oneOfs;
    }

    /** The properties the CRD (or the Kubernetes API) requires, sorted. */
    List<String> required() {
        return required;
    }

    @Override
    public String typeName() {
        return "object";
    }

    @Override
    public String toString() {
        return "ObjectShape[" + typeName + "]";
    }

    /**
     * A protobuf {@code oneof}: each alternative is the set of property names it contributes (one for
     * every oneof in the Istio API), and at most one alternative may be set.
     */
    record OneOf(List<Set<String>> alternatives) {

        OneOf {
            alternatives = alternatives.stream().map(Set::copyOf).toList();
        }
    }
}
