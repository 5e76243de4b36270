package io.gwctl.validate.rules.legacy;

import io.gwctl.model.legacy.DestinationWeight;
import io.gwctl.model.legacy.RouteRuleSpec;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.model.yaml.FieldPath;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The weighted targets of a RouteRule: labels are well-formed, each weight is a percentage, and the
 * weights total 100 (a single target with no weight takes everything). Istio 0.8
 * {@code ValidateDestinationWeight} and {@code ValidateWeights}: "weight invalid:  percentage %v is not
 * in range 0..100" (two spaces, as Istio printed it), "route weights total %v (must total 100)". As in
 * 0.8, a {@code route} that is written but empty totals 0.
 */
final class RouteWeightsRule implements ResourceRule {

    private static final String ROUTE = "spec.route";

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.ROUTE_RULE);
    }

    @Override
    public void check(RuleContext context) {
        List<DestinationWeight> route = context.spec(RouteRuleSpec.class).route();
        if (route.isEmpty() && !LegacyPaths.written(context, ROUTE)) {
            return;
        }
        int sum = 0;
        for (int i = 0; i < route.size(); i++) {
            DestinationWeight target = route.get(i);
            if (target == null) {
                continue;
            }
            String path = LegacyPaths.item(ROUTE, i);
            for (Map.Entry<String, String> problem : LegacyNames.checkLabels(target.labels())) {
                context.report(LegacyCodes.ROUTE_WEIGHTS, FieldPath.field(path + ".labels", problem.getKey()),
                        problem.getValue());
            }
            Percentages.check(target.weight()).ifPresent(m -> context.report(LegacyCodes.ROUTE_WEIGHTS,
                    path + ".weight", "weight invalid:  %s", m));
            sum += target.weight();
        }
        if (!(route.size() == 1 && sum == 0) && sum != 100) {
            context.report(LegacyCodes.ROUTE_WEIGHTS, ROUTE, "route weights total %d (must total 100)", sum);
        }
    }
}
