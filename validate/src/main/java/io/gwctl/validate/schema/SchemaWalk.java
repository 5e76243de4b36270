package io.gwctl.validate.schema;

import io.gwctl.model.yaml.FieldPath;
import io.gwctl.validate.rules.RuleContext;
import io.gwctl.validate.schema.ObjectShape.OneOf;
import io.gwctl.validate.source.EditDistance;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One pass over a resource's plain tree against its {@link Shape}, reporting every mismatch rather than
 * stopping at the first.
 *
 * <p>The wording follows the API server, which is where such objects are rejected:
 * {@code <path> in body must be of type integer: "string"} (kube-openapi's type check),
 * {@code <path>: Unsupported value: "X": supported values: "A", "B"} and {@code <path>: Required value}
 * (apimachinery's field errors). Unknown fields read as istioctl's {@code unknown field "<key>"}, with a
 * hint when a known field is a small edit away. A {@code null} value means "not set", as in JSON.
 */
final class SchemaWalk {

    private final RuleContext context;
    private int reported;

    SchemaWalk(RuleContext context) {
        this.context = context;
    }

    /** How many findings this walk has reported so far. */
    int reported() {
        return reported;
    }

    /** Checks {@code value}, found at {@code path}, against {@code shape}. */
    void check(Object value, Shape shape, String path) {
        if (value == null) {
            return;
        }
        if (shape instanceof ObjectShape object) {
            object(value, object, path);
        } else if (shape instanceof Shape.ListOf list) {
            if (!(value instanceof List<?> items)) {
                wrongType(path, shape, value);
                return;
            }
            for (int i = 0; i < items.size(); i++) {
                check(items.get(i), list.items(), FieldPath.item(path, i));
            }
        } else if (shape instanceof Shape.MapOf map) {
            if (!(value instanceof Map<?, ?> entries)) {
                wrongType(path, shape, value);
                return;
            }
            entries.forEach((k, v) -> check(v, map.values(), FieldPath.field(path, String.valueOf(k))));
        } else if (shape instanceof Shape.Enumeration enumeration) {
            enumeration(value, enumeration, path);
        } else if (shape instanceof Shape.Scalar scalar) {
            scalar(value, scalar, path);
        }
    }

    private void scalar(Object value, Shape.Scalar shape, String path) {
        if (!fits(value, shape.type())) {
            wrongType(path, shape, value);
        } else if (shape.type() == Shape.ScalarType.INT32 && !fitsInt32(value)) {
            Object shown = value instanceof Double d ? BigDecimal.valueOf(d).toBigInteger() : value;
            report(SchemaCodes.WRONG_TYPE, path, "%s: Invalid value: %s: must be a 32-bit integer", path, shown);
        }
    }

    private void object(Object value, ObjectShape shape, String path) {
        if (!(value instanceof Map<?, ?> raw)) {
            wrongType(path, shape, value);
            return;
        }
        Set<String> misspelt = new HashSet<>();
        for (Map.Entry<?, ?> e : raw.entrySet()) {
            String key = String.valueOf(e.getKey());
            String child = FieldPath.field(path, key);
            Shape property = shape.property(key);
            if (property == null) {
                Optional<String> meant = closest(key, shape.names());
                meant.ifPresent(misspelt::add);
                report(SchemaCodes.UNKNOWN_FIELD, child, "unknown field \"%s\"%s", key, hint(meant));
            } else {
                check(e.getValue(), property, child);
            }
        }
        for (String name : shape.required()) {
            // A typo of a required field ("numbr") is already reported, with the field as its hint.
            if (raw.get(name) == null && !misspelt.contains(name)) {
                String missing = FieldPath.field(path, name);
                report(SchemaCodes.REQUIRED_FIELD, missing, "%s: Required value", missing);
            }
        }
        for (OneOf oneOf : shape.oneOfs()) {
            oneOf(raw, oneOf, path);
        }
    }

    private void oneOf(Map<?, ?> raw, OneOf oneOf, String path) {
        List<String> set = new ArrayList<>();
        Set<Set<String>> seen = new HashSet<>();
        for (Map.Entry<?, ?> e : raw.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            String key = String.valueOf(e.getKey());
            oneOf.alternatives().stream().filter(a -> a.contains(key)).findFirst()
                    .filter(seen::add).ifPresent(a -> set.add(key));
        }
        if (set.size() < 2) {
            return;
        }
        List<String> names = oneOf.alternatives().stream()
                .map(a -> a.stream().sorted().collect(Collectors.joining("/"))).toList();
        report(SchemaCodes.ONE_OF, path, "%s: only one of %s can be set, found %s", path,
                alternatives(names), String.join(" and ", set));
    }

    private void enumeration(Object value, Shape.Enumeration shape, String path) {
        if (!(value instanceof String s)) {
            wrongType(path, shape, value);
            return;
        }
        if (shape.values().contains(s)) {
            return;
        }
        String supported = shape.values().stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", "));
        report(SchemaCodes.ENUM_VALUE, path, "%s: Unsupported value: \"%s\": supported values: %s%s",
                path, s, supported, hint(closest(s, shape.values())));
    }

    private void wrongType(String path, Shape expected, Object actual) {
        report(SchemaCodes.WRONG_TYPE, path, "%s in body must be of type %s: \"%s\"", path,
                expected.typeName(), typeOf(actual));
    }

    private void report(SchemaCodes code, String path, String format, Object... args) {
        reported++;
        context.report(code, path, format, args);
    }

    private static boolean fits(Object value, Shape.ScalarType type) {
        return switch (type) {
            case STRING -> value instanceof String;
            case INTEGER, INT32 -> isInteger(value);
            case NUMBER -> value instanceof Number;
            case BOOLEAN -> value instanceof Boolean;
            case INT_OR_STRING -> value instanceof String || isInteger(value);
            case QUANTITY -> value instanceof String || value instanceof Number;
            case ANY -> true;
        };
    }

    /** JSON has one number type; the API server takes {@code 80.0} for an integer, as this does. */
    private static boolean isInteger(Object value) {
        if (value instanceof Long || value instanceof Integer) {
            return true;
        }
        return value instanceof Double d && !d.isInfinite() && d == Math.rint(d);
    }

    private static boolean fitsInt32(Object value) {
        double d = ((Number) value).doubleValue();
        return d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE;
    }

    /** The JSON type of a tree value, as kube-openapi names it in its messages. */
    private static String typeOf(Object value) {
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        if (value instanceof Number) {
            return isInteger(value) ? "integer" : "number";
        }
        if (value instanceof List) {
            return "array";
        }
        return value instanceof Map ? "object" : "null";
    }

    /** {@code exact, prefix or regex}. */
    private static String alternatives(List<String> names) {
        if (names.size() < 2) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    /**
     * The candidate closest to {@code given}, if one is close enough to be a typo of it: within one edit
     * for names of up to three letters, two (a swapped pair: {@code prot}) up to eight, three beyond; a
     * name that differs only by case, {@code _} or {@code -} ({@code per_try_timeout}) always counts.
     */
    private static Optional<String> closest(String given, List<String> candidates) {
        int allowed = given.length() <= 3 ? 1 : given.length() <= 8 ? 2 : 3;
        return candidates.stream()
                .filter(c -> distance(given, c) <= allowed)
                .min(Comparator.comparingInt((String c) -> distance(given, c))
                        .thenComparing(Comparator.naturalOrder()));
    }

    /** {@code ; did you mean "number"?}, or nothing. */
    private static String hint(Optional<String> meant) {
        return meant.map(m -> "; did you mean \"" + m + "\"?").orElse("");
    }

    /** Edit distance, with names equal but for case, {@code _} and {@code -} closest of all. */
    private static int distance(String given, String candidate) {
        return normalise(given).equals(normalise(candidate)) ? -1 : EditDistance.between(given, candidate);
    }

    private static String normalise(String name) {
        return name.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }
}
