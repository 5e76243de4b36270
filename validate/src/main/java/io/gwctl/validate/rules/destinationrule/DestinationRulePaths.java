package io.gwctl.validate.rules.destinationrule;

import io.gwctl.model.yaml.FieldPath;

/** The field paths DestinationRule rules point at; each takes the indexes or keys it names. */
final class DestinationRulePaths {

    static final String HOST = "spec.host";
    static final String TRAFFIC_POLICY = "spec.trafficPolicy";
    static final String EXPORT_TO = "spec.exportTo";
    static final String WORKLOAD_SELECTOR = "spec.workloadSelector";

    private DestinationRulePaths() {
    }

    /** {@code spec.subsets[i]}. */
    static String subset(int subset) {
        return "spec.subsets[" + subset + "]";
    }

    /** {@code spec.subsets[i].name}. */
    static String subsetName(int subset) {
        return subset(subset) + ".name";
    }

    /** {@code spec.subsets[i].labels["key"]}. */
    static String subsetLabel(int subset, String key) {
        return FieldPath.field(subset(subset) + ".labels", key);
    }

    /** {@code spec.subsets[i].trafficPolicy}. */
    static String subsetPolicy(int subset) {
        return subset(subset) + ".trafficPolicy";
    }

    /** {@code <policy>.portLevelSettings[i]}, under the traffic policy at {@code policy}. */
    static String portLevel(String policy, int index) {
        return policy + ".portLevelSettings[" + index + "]";
    }

    /** {@code spec.workloadSelector.matchLabels["key"]}. */
    static String selectorLabel(String key) {
        return FieldPath.field(WORKLOAD_SELECTOR + ".matchLabels", key);
    }

    /** {@code <parent>.<field>}, e.g. {@code field(settings, "outlierDetection.interval")}. */
    static String field(String parent, String field) {
        return parent + "." + field;
    }
}
