package io.gwctl.validate.rules.legacy;

import io.gwctl.model.legacy.L4MatchAttributes;
import io.gwctl.model.legacy.MatchCondition;
import io.gwctl.model.legacy.RouteRuleSpec;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import java.util.List;
import java.util.Set;

/**
 * The TCP and UDP matches of a RouteRule: each subnet is an IPv4 address or CIDR block, and UDP is not
 * matched at all, as Istio never supported it. Istio 0.8 {@code ValidateMatchCondition},
 * {@code ValidateL4MatchAttributes}, {@code ValidateIPv4Subnet}: "%v is not a valid CIDR block",
 * "%v is not a valid IP", "%v is not a valid IPv4 address", "UDP protocol not supported yet".
 */
final class L4MatchRule implements ResourceRule {

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.ROUTE_RULE);
    }

    @Override
    public void check(RuleContext context) {
        MatchCondition match = context.spec(RouteRuleSpec.class).match();
        if (match == null) {
            return;
        }
        checkSubnets(context, "spec.match.tcp", match.tcp());
        if (match.udp() != null) {
            checkSubnets(context, "spec.match.udp", match.udp());
            context.report(LegacyCodes.MATCH_L4, "spec.match.udp", "UDP protocol not supported yet");
        }
    }

    private static void checkSubnets(RuleContext context, String path, L4MatchAttributes attributes) {
        if (attributes == null) {
            return;
        }
        checkList(context, LegacyPaths.field(context, path, "sourceSubnet"), attributes.sourceSubnet());
        checkList(context, LegacyPaths.field(context, path, "destinationSubnet"), attributes.destinationSubnet());
    }

    private static void checkList(RuleContext context, String path, List<String> subnets) {
        for (int i = 0; i < subnets.size(); i++) {
            String subnet = subnets.get(i) == null ? "" : subnets.get(i);
            String at = LegacyPaths.item(path, i);
            LegacyNames.checkSubnet(subnet).ifPresent(m -> context.report(LegacyCodes.MATCH_L4, at, m));
        }
    }
}
