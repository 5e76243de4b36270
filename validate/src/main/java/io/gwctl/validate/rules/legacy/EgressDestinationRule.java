package io.gwctl.validate.rules.legacy;

import io.gwctl.model.legacy.EgressRuleSpec;
import io.gwctl.model.legacy.IstioService;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import java.util.Set;

/**
 * An EgressRule's destination names an external service by {@code service} alone: a domain (with an
 * optional leading {@code *}) or an IPv4 CIDR block. Istio 0.8 {@code ValidateEgressRuleDestination}
 * and {@code ValidateEgressRuleService}, with their messages.
 */
final class EgressDestinationRule implements ResourceRule {

    private static final String DESTINATION = "spec.destination";

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.EGRESS_RULE);
    }

    @Override
    public void check(RuleContext context) {
        IstioService destination = context.spec(EgressRuleSpec.class).destination();
        if (destination == null) {
            context.report(LegacyCodes.EGRESS_DESTINATION, LegacyPaths.SPEC,
                    "destination of egress rule must have destination field");
            return;
        }
        forbid(context, "name", !destination.name().isEmpty());
        forbid(context, "namespace", !destination.namespace().isEmpty());
        forbid(context, "domain", !destination.domain().isEmpty());
        forbid(context, "labels", !destination.labels().isEmpty());
        LegacyNames.checkEgressService(destination.service()).ifPresent(m -> context.report(
                LegacyCodes.EGRESS_DESTINATION, DESTINATION + ".service", m));
    }

    private static void forbid(RuleContext context, String field, boolean set) {
        if (set) {
            context.report(LegacyCodes.EGRESS_DESTINATION, DESTINATION + "." + field,
                    "destination of egress rule must not have %s field", field);
        }
    }
}
