package io.gwctl.validate.rules.destinationrule;

import io.fabric8.istio.api.api.networking.v1alpha3.DestinationRule;
import io.fabric8.istio.api.api.type.v1beta1.WorkloadSelector;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import io.gwctl.validate.rules.names.DnsNames;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A DestinationRule scoped to workloads by a selector: labels are exact (no empty key, no {@code *}); a
 * selector without labels selects every workload in the namespace (a warning); and the rule is only seen
 * in its own namespace, so exporting it further is refused. Istio: {@code validateWorkloadSelector}
 * ("empty key is not supported in selector: %q", "wildcard is not supported in selector: %q",
 * "workload selector specified without labels") and {@code validateExportTo}
 * ("destination rule with workload selector cannot have exportTo beyond current namespace",
 * "destination rule with workload selector cannot have multiple entries in exportTo").
 *
 * <p>The CRD's CEL rules on {@code matchLabels} ("key must not be empty",
 * "wildcard not allowed in label key match", "wildcard not allowed in label value match") reject exactly
 * what the first check does, so they are not reported twice.
 */
final class WorkloadSelectorRule implements ResourceRule {

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.DESTINATION_RULE);
    }

    @Override
    public void check(RuleContext context) {
        DestinationRule rule = context.spec(DestinationRule.class);
        WorkloadSelector selector = rule.getWorkloadSelector();
        if (selector == null) {
            return;
        }
        Map<String, String> labels = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        for (Map.Entry<String, String> label : labels.entrySet()) {
            String key = label.getKey() == null ? "" : label.getKey();
            String value = label.getValue() == null ? "" : label.getValue();
            String pair = "\"" + key + "=" + value + "\"";
            if (key.isEmpty()) {
                context.report(DestinationRuleCodes.WORKLOAD_SELECTOR, DestinationRulePaths.selectorLabel(key),
                        "empty key is not supported in selector: %s", pair);
            }
            if (key.contains("*") || value.contains("*")) {
                context.report(DestinationRuleCodes.WORKLOAD_SELECTOR, DestinationRulePaths.selectorLabel(key),
                        "wildcard is not supported in selector: %s", pair);
            }
        }
        if (labels.isEmpty()) {
            context.report(DestinationRuleCodes.WORKLOAD_SELECTOR_EMPTY, DestinationRulePaths.WORKLOAD_SELECTOR,
                    "workload selector specified without labels");
        }
        checkExportTo(context, rule.getExportTo(), context.resource().namespace());
    }

    private static void checkExportTo(RuleContext context, List<String> exportTo, String namespace) {
        Set<String> visibleTo = new HashSet<>();
        if (exportTo != null) {
            for (String entry : exportTo) {
                String key = ".".equals(entry) ? namespace : entry;
                if (key != null && ("*".equals(key) || DnsNames.isLabel(key))) {
                    visibleTo.add(key);
                }
            }
        }
        if (visibleTo.isEmpty()) {
            return;
        }
        if (!visibleTo.contains(namespace)) {
            context.report(DestinationRuleCodes.WORKLOAD_SELECTOR_EXPORT_TO, DestinationRulePaths.EXPORT_TO,
                    "destination rule with workload selector cannot have exportTo beyond current namespace");
        } else if (visibleTo.size() > 1) {
            context.report(DestinationRuleCodes.WORKLOAD_SELECTOR_EXPORT_TO, DestinationRulePaths.EXPORT_TO,
                    "destination rule with workload selector cannot have multiple entries in exportTo");
        }
    }
}
