package io.gwctl.validate.rules.destinationrule;

import io.fabric8.istio.api.api.networking.v1alpha3.WarmupConfiguration;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import java.util.Set;

/**
 * Slow-start warmup: a duration is required, {@code minimumPercent} is at most 100 and {@code aggression}
 * positive. Istio: {@code validateLoadBalancer} ("duration is required",
 * "minimumPercent value should be less than or equal to 100", "aggression should be greater than 0"); the
 * duration's value is checked by {@link DurationRule}.
 */
final class WarmupRule implements ResourceRule {

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.DESTINATION_RULE);
    }

    @Override
    public void check(RuleContext context) {
        for (TrafficPolicies.Settings s : TrafficPolicies.settings(context)) {
            WarmupConfiguration warmup = s.loadBalancer() == null ? null : s.loadBalancer().getWarmup();
            if (warmup == null) {
                continue;
            }
            String path = DestinationRulePaths.field(s.path(), "loadBalancer.warmup");
            if (warmup.getDuration() == null) {
                context.report(DestinationRuleCodes.WARMUP, path, "duration is required");
            }
            if (warmup.getMinimumPercent() != null && warmup.getMinimumPercent() > 100) {
                context.report(DestinationRuleCodes.WARMUP, path + ".minimumPercent",
                        "minimumPercent value should be less than or equal to 100");
            }
            if (warmup.getAggression() != null && warmup.getAggression() <= 0) {
                context.report(DestinationRuleCodes.WARMUP, path + ".aggression", "aggression should be greater than 0");
            }
        }
    }
}
