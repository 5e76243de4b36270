package io.gwctl.cli.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes an object the API server served look like the same object read from a file, so that every check
 * treats both alike: {@code apiVersion} and {@code kind} set (list items of built-in kinds come without them),
 * whole numbers as {@code Long} and others as {@code Double} (as the YAML reader gives them), and what the
 * server adds for itself left out: {@code metadata.managedFields}, and kubectl's
 * {@code last-applied-configuration} annotation, which would carry a Secret's data into any finding that
 * quoted annotations.
 */
final class ClusterTrees {

    static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    private ClusterTrees() {
    }

    static Map<String, Object> normalize(Map<String, Object> served, String apiVersion, String kind) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("apiVersion", apiVersion);
        tree.put("kind", kind);
        served.forEach((k, v) -> tree.putIfAbsent(k, plain(v)));
        if (tree.get("metadata") instanceof Map<?, ?> metadata) {
            metadata.remove("managedFields");
            if (metadata.get("annotations") instanceof Map<?, ?> annotations) {
                annotations.remove(LAST_APPLIED);
                if (annotations.isEmpty()) {
                    metadata.remove("annotations");
                }
            }
        }
        return tree;
    }

    private static Object plain(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(plain(v)));
            return out;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float) {
            return ((Float) value).doubleValue();
        }
        return value;
    }
}
