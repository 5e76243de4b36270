package io.gwctl.validate.rules.legacy;

import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.Validator;
import io.gwctl.validate.rules.RuleContext;
import java.util.Set;

/**
 * A legacy object whose spec does not bind to its type (a list where a message belongs, text where a
 * number belongs, an unknown load balancing policy) is reported, since every other legacy check needs
 * the typed spec and is skipped. Istio 0.8 rejected such an object when it parsed it with protobuf's
 * JSON parser. The schema check does not cover the legacy kinds, so nothing else would say so.
 */
final class UnreadableSpecRule implements Validator.UntypedRule {

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.ROUTE_RULE, ResourceType.DESTINATION_POLICY, ResourceType.EGRESS_RULE);
    }

    @Override
    public void check(RuleContext context) {
        Resource resource = context.resource();
        resource.bindError().ifPresent(error -> context.report(LegacyCodes.UNREADABLE, LegacyPaths.SPEC,
                "spec cannot be read as a %s (%s), so the other %s checks are skipped", resource.kind(), error,
                resource.kind()));
    }
}
