package io.gwctl.validate.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the plain tree of a resource gwctl has no type for (a Node, a RequestAuthentication, a Gateway
 * API Gateway, a Deployment's pod template): absent or mistyped fields read as null or empty.
 */
public final class PlainTree {

    private PlainTree() {
    }

    /** The value at {@code keys} below {@code tree}, or null when any step is missing or not a mapping. */
    public static Object at(Map<String, Object> tree, String... keys) {
        Object node = tree;
        for (String key : keys) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(key);
        }
        return node;
    }

    /** The string at {@code keys}, or null when it is missing or not a string. */
    public static String string(Map<String, Object> tree, String... keys) {
        return at(tree, keys) instanceof String s ? s : null;
    }

    /** A mapping's entries as strings (numbers and booleans as YAML wrote them); empty for anything else. */
    public static Map<String, String> stringMap(Object node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (k != null) {
                    out.put(String.valueOf(k), v == null ? "" : String.valueOf(v));
                }
            });
        }
        return out;
    }

    /** A sequence's items; empty for anything else. */
    public static List<?> list(Object node) {
        return node instanceof List<?> l ? l : List.of();
    }
}
