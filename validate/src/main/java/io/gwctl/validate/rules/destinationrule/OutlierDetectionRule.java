package io.gwctl.validate.rules.destinationrule;

import io.fabric8.istio.api.api.networking.v1alpha3.OutlierDetection;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import java.util.Set;

/**
 * Outlier detection: the deprecated {@code consecutiveErrors} (a warning), local-origin failures that only
 * count when split from external errors, and ejection percentages in 0..100. Istio:
 * {@code validateOutlierDetection}, {@code ValidatePercent} (its durations are checked by
 * {@link DurationRule}).
 */
final class OutlierDetectionRule implements ResourceRule {

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.DESTINATION_RULE);
    }

    @Override
    public void check(RuleContext context) {
        for (TrafficPolicies.Settings s : TrafficPolicies.settings(context)) {
            OutlierDetection outlier = s.outlier();
            if (outlier == null) {
                continue;
            }
            String path = DestinationRulePaths.field(s.path(), "outlierDetection");
            if (outlier.getConsecutiveErrors() != null && outlier.getConsecutiveErrors() != 0) {
                context.report(DestinationRuleCodes.OUTLIER_CONSECUTIVE_ERRORS, path + ".consecutiveErrors",
                        "outlier detection consecutive errors is deprecated, use consecutiveGatewayErrors or "
                                + "consecutive5xxErrors instead");
            }
            Integer localOrigin = outlier.getConsecutiveLocalOriginFailures();
            if (!Boolean.TRUE.equals(outlier.getSplitExternalLocalOriginErrors()) && localOrigin != null
                    && localOrigin > 0) {
                context.report(DestinationRuleCodes.OUTLIER_LOCAL_ORIGIN, path + ".consecutiveLocalOriginFailures",
                        "outlier detection consecutive local origin failures is specified, but split external "
                                + "local origin errors is set to false");
            }
            percent(context, path + ".maxEjectionPercent", outlier.getMaxEjectionPercent());
            percent(context, path + ".minHealthPercent", outlier.getMinHealthPercent());
        }
    }

    private static void percent(RuleContext context, String path, Integer value) {
        if (value != null && (value < 0 || value > 100)) {
            context.report(DestinationRuleCodes.OUTLIER_PERCENT, path, "percentage %d is not in range 0..100", value);
        }
    }
}
