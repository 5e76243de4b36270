package io.gwctl.validate.rules.serviceentry;

import io.fabric8.istio.api.api.networking.v1alpha3.ServiceEntry;
import io.fabric8.istio.api.api.networking.v1alpha3.ServiceEntryResolution;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import java.util.Set;

/**
 * With resolution NONE (the default) traffic goes to the address the client asked for, so endpoints are
 * refused and a workload selector does nothing (a warning). Istio: {@code ValidateServiceEntry}
 * ("no endpoints should be provided for resolution type none",
 * "workloadSelector should not be set when resolution mode is NONE"). The CRD's CEL rule
 * "NONE mode cannot set endpoints" rejects the same.
 */
final class NoneResolutionRule implements ResourceRule {

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.SERVICE_ENTRY);
    }

    @Override
    public void check(RuleContext context) {
        ServiceEntry entry = context.spec(ServiceEntry.class);
        if (Resolutions.of(entry) != ServiceEntryResolution.NONE) {
            return;
        }
        if (entry.getEndpoints() != null && !entry.getEndpoints().isEmpty()) {
            context.report(ServiceEntryCodes.NONE_ENDPOINTS, ServiceEntryPaths.ENDPOINTS,
                    "no endpoints should be provided for resolution type none");
        }
        if (entry.getWorkloadSelector() != null) {
            context.report(ServiceEntryCodes.NONE_WORKLOAD_SELECTOR, ServiceEntryPaths.WORKLOAD_SELECTOR,
                    "workloadSelector should not be set when resolution mode is NONE");
        }
    }
}
