package io.gwctl.validate.rules.virtualservice;

import java.util.List;
import java.util.Map;

/**
 * The view Istio's Go validators have of a field: an unset scalar, list or map is its zero value. fabric8's
 * typed objects leave such fields null (or empty), so rules read them through here and never branch on null
 * where Istio does not.
 */
final class ZeroValues {

    private ZeroValues() {
    }

    static <T> List<T> list(List<T> items) {
        return items == null ? List.of() : items;
    }

    static <K, V> Map<K, V> map(Map<K, V> entries) {
        return entries == null ? Map.of() : entries;
    }

    static String text(String value) {
        return value == null ? "" : value;
    }

    static long number(Number value) {
        return value == null ? 0 : value.longValue();
    }

    static double decimal(Number value) {
        return value == null ? 0 : value.doubleValue();
    }
}
