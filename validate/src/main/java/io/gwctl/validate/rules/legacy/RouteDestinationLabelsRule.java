package io.gwctl.validate.rules.legacy;

import io.gwctl.model.legacy.IstioService;
import io.gwctl.model.legacy.RouteRuleSpec;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import java.util.Set;

/**
 * A RouteRule applies to a whole service: versions are chosen per route by {@code route[].labels}, so
 * the destination itself must carry no labels (route_rule.proto: "labels MUST be empty"). Istio 0.8
 * {@code ValidateRouteRule}: "route rule destination labels must be empty".
 */
final class RouteDestinationLabelsRule implements ResourceRule {

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.ROUTE_RULE);
    }

    @Override
    public void check(RuleContext context) {
        IstioService destination = context.spec(RouteRuleSpec.class).destination();
        if (destination != null && !destination.labels().isEmpty()) {
            context.report(LegacyCodes.DESTINATION_LABELS, "spec.destination.labels",
                    "route rule destination labels must be empty");
        }
    }
}
