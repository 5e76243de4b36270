package io.gwctl.validate.rules.legacy;

import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.Validator;
import io.gwctl.validate.rules.RuleContext;
import java.util.Set;

/**
 * Every legacy object gets a note that Istio 1.0 removed its kind (istio/istio#6901 removed the 0.8
 * converter with it) and what {@code gwctl convert} turns it into, as Istio 0.8's
 * {@code istioctl experimental convert-networking-config} did: RouteRule to VirtualService plus
 * DestinationRule subsets, DestinationPolicy to DestinationRule, EgressRule to ServiceEntry. Reads only
 * the kind, so it runs whether or not the object bound.
 */
final class DeprecatedKindRule implements Validator.UntypedRule {

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.ROUTE_RULE, ResourceType.DESTINATION_POLICY, ResourceType.EGRESS_RULE);
    }

    @Override
    public void check(RuleContext context) {
        Resource resource = context.resource();
        String target = switch (resource.type().orElseThrow()) {
            case ROUTE_RULE -> "a VirtualService and DestinationRule subsets";
            case DESTINATION_POLICY -> "a DestinationRule";
            default -> "a ServiceEntry";
        };
        context.report(LegacyCodes.DEPRECATED_KIND, "kind",
                "%s (%s) was removed in Istio 1.0; \"gwctl convert\" migrates it to %s",
                resource.kind(), resource.apiVersion(), target);
    }
}
