package io.gwctl.validate.rules.destinationrule;

import io.fabric8.istio.api.api.networking.v1alpha3.DestinationRule;
import io.fabric8.istio.api.api.networking.v1alpha3.Subset;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import io.gwctl.validate.rules.common.Labels;
import io.gwctl.validate.rules.names.DnsNames;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Subsets are named, uniquely, with DNS-1123 labels (routes refer to them by name) and select endpoints
 * by valid labels. Istio: {@code ValidateDestinationRule} ("subset may not be null",
 * "duplicate subset names: %s"), {@code validateSubsetName} ("subset name cannot be empty",
 * "subset name is invalid: %s"), {@code labels.Instance.Validate} ("invalid tag key: %q", …).
 */
final class SubsetRule implements ResourceRule {

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.DESTINATION_RULE);
    }

    @Override
    public void check(RuleContext context) {
        List<Subset> subsets = context.spec(DestinationRule.class).getSubsets();
        if (subsets == null) {
            return;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < subsets.size(); i++) {
            Subset subset = subsets.get(i);
            if (subset == null) {
                context.report(DestinationRuleCodes.SUBSET_NULL, DestinationRulePaths.subset(i),
                        "subset may not be null");
                continue;
            }
            String name = subset.getName() == null ? "" : subset.getName();
            if (!names.add(name)) {
                context.report(DestinationRuleCodes.SUBSET_DUPLICATE, DestinationRulePaths.subsetName(i),
                        "duplicate subset names: %s", name);
            }
            if (name.isEmpty()) {
                context.report(DestinationRuleCodes.SUBSET_NAME, DestinationRulePaths.subsetName(i),
                        "subset name cannot be empty");
            } else if (!DnsNames.isLabel(name)) {
                context.report(DestinationRuleCodes.SUBSET_NAME, DestinationRulePaths.subsetName(i),
                        "subset name is invalid: %s", name);
            }
            for (Labels.Problem problem : Labels.check(subset.getLabels())) {
                context.report(DestinationRuleCodes.SUBSET_LABELS,
                        DestinationRulePaths.subsetLabel(i, problem.key()), problem.message());
            }
        }
    }
}
