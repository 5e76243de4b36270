package io.gwctl.validate.rules;

import io.gwctl.validate.rules.common.CommonRules;
import io.gwctl.validate.rules.destinationrule.DestinationRuleRules;
import io.gwctl.validate.rules.gateway.GatewayRules;
import io.gwctl.validate.rules.ingress.IngressRules;
import io.gwctl.validate.rules.legacy.LegacyRules;
import io.gwctl.validate.rules.serviceentry.ServiceEntryRules;
import io.gwctl.validate.rules.virtualservice.VirtualServiceRules;
import io.gwctl.validate.schema.SchemaRules;
import java.util.ArrayList;
import java.util.List;

/** Every per-resource rule, schema first. */
public final class RuleSet {

    private RuleSet() {
    }

    public static List<ResourceRule> all() {
        List<ResourceRule> all = new ArrayList<>(SchemaRules.all());
        all.addAll(CommonRules.all());
        all.addAll(GatewayRules.all());
        all.addAll(VirtualServiceRules.all());
        all.addAll(DestinationRuleRules.all());
        all.addAll(ServiceEntryRules.all());
        all.addAll(IngressRules.all());
        all.addAll(LegacyRules.all());
        return List.copyOf(all);
    }
}
