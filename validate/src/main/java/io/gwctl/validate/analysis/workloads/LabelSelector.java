package io.gwctl.validate.analysis.workloads;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * An equality-based label selector, as Kubernetes builds from a map ({@code labels.SelectorFromSet}):
 * every key must be present with the same value; the empty selector selects everything.
 *
 * @param labels the required labels, sorted by key (a null value reads as empty)
 */
public record LabelSelector(Map<String, String> labels) {

    public LabelSelector {
        TreeMap<String, String> sorted = new TreeMap<>();
        if (labels != null) {
            labels.forEach((k, v) -> {
                if (k != null) {
                    sorted.put(k, v == null ? "" : v);
                }
            });
        }
        labels = sorted;
    }

    /** The selector of a possibly null map. */
    public static LabelSelector of(Map<String, String> labels) {
        return new LabelSelector(labels);
    }

    public boolean isEmpty() {
        return labels.isEmpty();
    }

    /** Whether an object with {@code objectLabels} is selected. */
    public boolean matches(Map<String, String> objectLabels) {
        for (Map.Entry<String, String> e : labels.entrySet()) {
            if (objectLabels == null || !objectLabels.containsKey(e.getKey())
                    || !e.getValue().equals(objectLabels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** The first key in Kubernetes' order, for pointing at it; empty when there is none. */
    public String firstKey() {
        return labels.isEmpty() ? "" : labels.keySet().iterator().next();
    }

    /** Whether every requirement of this selector is also one of {@code other}'s. */
    public boolean isSubsetOf(LabelSelector other) {
        return labels.entrySet().stream().allMatch(e -> e.getValue().equals(other.labels.get(e.getKey())));
    }

    /** Kubernetes' form, {@code app=x,istio=ingressgateway}, as Istio prints it in messages. */
    @Override
    public String toString() {
        return labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }
}
