package io.gwctl.model.legacy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Proto3's defaults for fields that were not written: an empty string, an empty list, an empty map.
 * Copies are unmodifiable but keep {@code null} items, so a stray {@code - } in YAML stays visible to checks.
 */
final class ProtoDefaults {

    private ProtoDefaults() {
    }

    static String string(String value) {
        return value == null ? "" : value;
    }

    static <T> List<T> list(List<T> value) {
        return value == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(value));
    }

    static <K, V> Map<K, V> map(Map<K, V> value) {
        return value == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(value));
    }
}
