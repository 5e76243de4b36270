package io.gwctl.validate.rules.legacy;

import io.gwctl.model.legacy.DestinationPolicySpec;
import io.gwctl.model.legacy.LoadBalancing;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import java.util.Set;

/**
 * A DestinationPolicy's {@code loadBalancing} must name a policy (or a custom one). Istio 0.8
 * {@code ValidateLoadBalancing}: "must set load balancing if specified".
 */
final class LoadBalancingRule implements ResourceRule {

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.DESTINATION_POLICY);
    }

    @Override
    public void check(RuleContext context) {
        LoadBalancing lb = context.spec(DestinationPolicySpec.class).loadBalancing();
        if (lb != null && lb.name() == null && lb.custom() == null) {
            context.report(LegacyCodes.LOAD_BALANCING, LegacyPaths.spec(context, "loadBalancing"),
                    "must set load balancing if specified");
        }
    }
}
