package io.gwctl.validate.rules.destinationrule;

import io.gwctl.validate.rules.ResourceRule;
import java.util.List;

/** The DestinationRule rules, in the order Istio's {@code ValidateDestinationRule} checks. */
public final class DestinationRuleRules {

    private DestinationRuleRules() {
    }

    /** The rules of this family, in the order they run. */
    public static List<ResourceRule> all() {
        return List.of(new HostRule(), new TrafficPolicyRule(), new OutlierDetectionRule(), new ConnectionPoolRule(),
                new ConsistentHashRule(), new LocalityLbRule(), new WarmupRule(), new ClientTlsRule(),
                new TunnelRule(), new DurationRule(), new SubsetRule(), new WorkloadSelectorRule());
    }
}
