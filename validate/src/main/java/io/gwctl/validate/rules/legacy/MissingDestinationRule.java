package io.gwctl.validate.rules.legacy;

import io.gwctl.model.legacy.DestinationPolicySpec;
import io.gwctl.model.legacy.RouteRuleSpec;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import java.util.Set;

/**
 * A RouteRule or DestinationPolicy is about one destination service, so it must name one. Istio 0.8:
 * {@code ValidateRouteRule} "route rule must have a destination service",
 * {@code ValidateDestinationPolicy} "destination is required in the destination policy".
 */
final class MissingDestinationRule implements ResourceRule {

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.ROUTE_RULE, ResourceType.DESTINATION_POLICY);
    }

    @Override
    public void check(RuleContext context) {
        if (context.resource().is(ResourceType.ROUTE_RULE)) {
            if (context.spec(RouteRuleSpec.class).destination() == null) {
                context.report(LegacyCodes.NO_DESTINATION, LegacyPaths.SPEC,
                        "route rule must have a destination service");
            }
        } else if (context.spec(DestinationPolicySpec.class).destination() == null) {
            context.report(LegacyCodes.NO_DESTINATION, LegacyPaths.SPEC,
                    "destination is required in the destination policy");
        }
    }
}
