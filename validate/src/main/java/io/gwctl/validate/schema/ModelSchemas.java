package io.gwctl.validate.schema;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.gwctl.validate.schema.ObjectShape.OneOf;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Derives the schema of a kind from its fabric8 model classes, the way Jackson sees them: property
 * names from {@code @JsonProperty}, types from the Java types ({@code String}, {@code Long},
 * {@code List<X>}, {@code Map<String, X>}, enums, nested classes).
 *
 * <p>fabric8 models a protobuf {@code oneof} as a property annotated {@code @JsonUnwrapped} whose type
 * is an interface listing its implementations in {@code @JsonSubTypes} ({@code StringMatch.matchType}:
 * {@code IsStringMatchMatchType} implemented by {@code StringMatchExact}, {@code StringMatchPrefix},
 * {@code StringMatchRegex}, each with one property). Those properties are lifted into the enclosing
 * object, so {@code uri: {prefix: /x}} reads as in the CRD, and remembered as a {@link OneOf}.
 *
 * <p>On top of the model come what it cannot say: the required fields ({@link RequiredFields}) and the
 * fields newer Istio CRDs have that this model version lacks ({@link CrdAdditions}). An object's
 * {@code status} is free-form: controllers write it, and the API server ignores it on create.
 *
 * <p>Each class is read once; the shapes are immutable after that and shared by all threads.
 */
final class ModelSchemas {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<Class<?>, ObjectShape> CACHE = new ConcurrentHashMap<>();

    private ModelSchemas() {
    }

    /** The shape of objects of model class {@code cls}. */
    static ObjectShape of(Class<?> cls) {
        ObjectShape cached = CACHE.get(cls);
        return cached != null ? cached : build(cls);
    }

    private static synchronized ObjectShape build(Class<?> cls) {
        ObjectShape cached = CACHE.get(cls);
        if (cached != null) {
            return cached;
        }
        Builder builder = new Builder();
        ObjectShape shape = builder.object(cls);
        // Published only once complete, so no thread sees a shape that is still being defined.
        builder.built.forEach(CACHE::putIfAbsent);
        return shape;
    }

    /** Reads the classes reachable from one root; shapes in progress let cycles resolve. */
    private static final class Builder {

        private final Map<Class<?>, ObjectShape> built = new HashMap<>();

        ObjectShape object(Class<?> cls) {
            ObjectShape known = CACHE.get(cls);
            if (known == null) {
                known = built.get(cls);
            }
            if (known != null) {
                return known;
            }
            ObjectShape shape = new ObjectShape(cls.getName());
            built.put(cls, shape);
            Map<String, Shape> properties = new LinkedHashMap<>();
            List<OneOf> oneOfs = new ArrayList<>();
            boolean resource = HasMetadata.class.isAssignableFrom(cls);
            for (BeanPropertyDefinition p : properties(cls)) {
                if (isUnwrapped(p)) {
                    unwrap(p.getPrimaryType().getRawClass(), properties, oneOfs);
                } else if (resource && p.getName().equals("status")) {
                    properties.put("status", Shape.Scalar.ANY);
                } else {
                    properties.put(p.getName(), shape(p.getPrimaryType()));
                }
            }
            properties.putAll(CrdAdditions.of(cls));
            shape.define(properties, oneOfs, RequiredFields.of(cls));
            return shape;
        }

        /**
         * Lifts the properties of an unwrapped oneof into its parent and records the oneof; a plain
         * unwrapped object (no subtypes) just contributes its properties.
         */
        private void unwrap(Class<?> type, Map<String, Shape> into, List<OneOf> oneOfs) {
            JsonSubTypes subTypes = type.getAnnotation(JsonSubTypes.class);
            if (subTypes == null) {
                into.putAll(plainProperties(type));
                return;
            }
            List<Set<String>> alternatives = new ArrayList<>();
            for (JsonSubTypes.Type sub : subTypes.value()) {
                Map<String, Shape> alternative = plainProperties(sub.value());
                into.putAll(alternative);
                if (!alternative.isEmpty()) {
                    alternatives.add(alternative.keySet());
                }
            }
            oneOfs.add(new OneOf(alternatives));
        }

        /** The properties of a oneof alternative, corrected by {@link CrdAdditions} where the model errs. */
        private Map<String, Shape> plainProperties(Class<?> cls) {
            Map<String, Shape> additions = CrdAdditions.of(cls);
            Map<String, Shape> out = new LinkedHashMap<>();
            for (BeanPropertyDefinition p : properties(cls)) {
                Shape added = additions.get(p.getName());
                out.put(p.getName(), added != null ? added : shape(p.getPrimaryType()));
            }
            return out;
        }

        Shape shape(JavaType type) {
            Class<?> raw = type.getRawClass();
            if (type.isMapLikeType()) {
                return new Shape.MapOf(shape(type.getContentType()));
            }
            if (type.isCollectionLikeType() || (type.isArrayType() && raw != byte[].class)) {
                return new Shape.ListOf(shape(type.getContentType()));
            }
            if (raw.isEnum()) {
                return enumeration(raw);
            }
            Shape scalar = scalar(raw);
            if (scalar != null) {
                return scalar;
            }
            if (raw.getName().startsWith("io.fabric8.")) {
                return object(raw);
            }
            return Shape.Scalar.ANY;
        }

        private static Shape scalar(Class<?> raw) {
            if (raw == String.class || raw == byte[].class || raw == char.class || raw == Character.class) {
                return Shape.Scalar.STRING;
            }
            if (raw == Integer.class || raw == int.class || raw == Short.class || raw == short.class) {
                return Shape.Scalar.INT32;
            }
            if (raw == Long.class || raw == long.class || raw == BigInteger.class) {
                return Shape.Scalar.INTEGER;
            }
            if (raw == Double.class || raw == double.class || raw == Float.class || raw == float.class
                    || raw == BigDecimal.class) {
                return Shape.Scalar.NUMBER;
            }
            if (raw == Boolean.class || raw == boolean.class) {
                return Shape.Scalar.BOOLEAN;
            }
            if (raw == IntOrString.class) {
                return Shape.Scalar.INT_OR_STRING;
            }
            if (raw == Quantity.class) {
                return Shape.Scalar.QUANTITY;
            }
            if (raw == Object.class || JsonNode.class.isAssignableFrom(raw) || raw == FieldsV1.class) {
                return Shape.Scalar.ANY;
            }
            return null;
        }

        private static List<BeanPropertyDefinition> properties(Class<?> cls) {
            return MAPPER.getDeserializationConfig().introspect(MAPPER.constructType(cls)).findProperties();
        }

        private static boolean isUnwrapped(BeanPropertyDefinition p) {
            for (AnnotatedMember m : new AnnotatedMember[] {p.getField(), p.getGetter(), p.getSetter()}) {
                if (m != null && m.hasAnnotation(JsonUnwrapped.class)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The names an enum is written with, in the API's order. fabric8's Istio enums keep the protobuf
         * number in a field {@code value}; sorting by it gives the order of the proto and the CRD
         * ({@code PASSTHROUGH, SIMPLE, MUTUAL…}). Enums without one keep their declaration order.
         */
        private static Shape enumeration(Class<?> raw) {
            List<Object> constants = new ArrayList<>(Arrays.asList(raw.getEnumConstants()));
            protoNumber(raw).ifPresent(number -> constants.sort(Comparator.comparingInt(c -> {
                try {
                    return number.getInt(c);
                } catch (IllegalAccessException e) {
                    return 0;
                }
            })));
            List<String> names = constants.stream().map(c -> MAPPER.convertValue(c, String.class)).toList();
            return new Shape.Enumeration(names);
        }

        private static Optional<Field> protoNumber(Class<?> raw) {
            try {
                Field f = raw.getDeclaredField("value");
                if (f.getType() != int.class) {
                    return Optional.empty();
                }
                f.setAccessible(true);
                return Optional.of(f);
            } catch (NoSuchFieldException | RuntimeException e) {
                return Optional.empty();
            }
        }
    }
}
