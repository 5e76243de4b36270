package io.gwctl.validate.rules.serviceentry;

import io.fabric8.istio.api.api.networking.v1alpha3.ServiceEntry;
import io.fabric8.istio.api.api.networking.v1alpha3.WorkloadSelector;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import java.util.Map;
import java.util.Set;

/**
 * A ServiceEntry selects its workloads either by labels or by listing endpoints, not both; selector labels
 * are exact (no empty key, no {@code *}), and a selector without labels takes every workload in the
 * namespace (a warning). Istio: {@code ValidateAlphaWorkloadSelector} ("empty key is not supported in
 * selector: %q", "wildcard is not supported in selector: %q"), {@code ValidateServiceEntry}
 * ("service entry: workload selector specified without labels, will be applied to all services in namespace",
 * "only one of WorkloadSelector or Endpoints is allowed in Service Entry").
 *
 * <p>Istio returns the selector errors alone; gwctl reports them with everything else. The CRD's CEL rules
 * "wildcard is not supported in selector" and "only one of WorkloadSelector or Endpoints can be set" reject
 * exactly what these checks do.
 */
final class WorkloadSelectorRule implements ResourceRule {

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.SERVICE_ENTRY);
    }

    @Override
    public void check(RuleContext context) {
        ServiceEntry entry = context.spec(ServiceEntry.class);
        WorkloadSelector selector = entry.getWorkloadSelector();
        if (selector == null) {
            return;
        }
        Map<String, String> labels = selector.getLabels() == null ? Map.of() : selector.getLabels();
        for (Map.Entry<String, String> label : labels.entrySet()) {
            String key = label.getKey() == null ? "" : label.getKey();
            String value = label.getValue() == null ? "" : label.getValue();
            String pair = "\"" + key + "=" + value + "\"";
            if (key.isEmpty()) {
                context.report(ServiceEntryCodes.WORKLOAD_SELECTOR, ServiceEntryPaths.selectorLabel(key),
                        "empty key is not supported in selector: %s", pair);
            }
            if (key.contains("*") || value.contains("*")) {
                context.report(ServiceEntryCodes.WORKLOAD_SELECTOR, ServiceEntryPaths.selectorLabel(key),
                        "wildcard is not supported in selector: %s", pair);
            }
        }
        if (labels.isEmpty()) {
            context.report(ServiceEntryCodes.WORKLOAD_SELECTOR_EMPTY, ServiceEntryPaths.WORKLOAD_SELECTOR,
                    "service entry: workload selector specified without labels, will be applied to all services "
                            + "in namespace");
        }
        if (entry.getEndpoints() != null && !entry.getEndpoints().isEmpty()) {
            context.report(ServiceEntryCodes.SELECTOR_WITH_ENDPOINTS, ServiceEntryPaths.WORKLOAD_SELECTOR,
                    "only one of WorkloadSelector or Endpoints is allowed in Service Entry");
        }
    }
}
