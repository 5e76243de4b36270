package io.gwctl.validate.rules.legacy;

import io.gwctl.model.legacy.EgressRuleSpec;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import java.util.Set;

/**
 * Sending egress traffic through an egress proxy was never implemented. Istio 0.8
 * {@code ValidateEgressRule}: "directing traffic through egress proxy is not implemented yet".
 */
final class EgressProxyRule implements ResourceRule {

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.EGRESS_RULE);
    }

    @Override
    public void check(RuleContext context) {
        if (context.spec(EgressRuleSpec.class).useEgressProxy()) {
            context.report(LegacyCodes.EGRESS_PROXY, LegacyPaths.spec(context, "useEgressProxy"),
                    "directing traffic through egress proxy is not implemented yet");
        }
    }
}
