package io.gwctl.validate.rules.legacy;

import io.gwctl.model.legacy.DestinationPolicySpec;
import io.gwctl.model.legacy.IstioService;
import io.gwctl.model.legacy.RouteRuleSpec;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.model.yaml.FieldPath;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import java.util.Map;
import java.util.Set;

/**
 * Each service reference of a RouteRule (destination, match source, mirror) and of a DestinationPolicy
 * (destination, source) must name one service, by short {@code name} or by fully qualified
 * {@code service}, with well-formed parts. Istio 0.8 {@code ValidateIstioService} and its messages; a
 * {@code service} follows the EgressRule rules ({@code ValidateEgressRuleService}). Route targets
 * ({@code route[].destination}) were never checked by 0.8, so they are not here either.
 */
final class ServiceReferenceRule implements ResourceRule {

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.ROUTE_RULE, ResourceType.DESTINATION_POLICY);
    }

    @Override
    public void check(RuleContext context) {
        if (context.resource().is(ResourceType.ROUTE_RULE)) {
            RouteRuleSpec spec = context.spec(RouteRuleSpec.class);
            check(context, "spec.destination", spec.destination());
            if (spec.match() != null) {
                check(context, "spec.match.source", spec.match().source());
            }
            check(context, "spec.mirror", spec.mirror());
        } else {
            DestinationPolicySpec spec = context.spec(DestinationPolicySpec.class);
            check(context, "spec.destination", spec.destination());
            check(context, "spec.source", spec.source());
        }
    }

    private static void check(RuleContext context, String path, IstioService service) {
        if (service == null) {
            return;
        }
        if (service.name().isEmpty() && service.service().isEmpty()) {
            context.report(LegacyCodes.SERVICE_REFERENCE, path, "name or service is mandatory for a service reference");
        } else if (!service.service().isEmpty() && !service.name().isEmpty()) {
            context.report(LegacyCodes.SERVICE_REFERENCE, path, "specify either name or service, not both");
        } else if (!service.service().isEmpty()) {
            LegacyNames.checkEgressService(service.service())
                    .ifPresent(m -> context.report(LegacyCodes.SERVICE_REFERENCE, path + ".service", m));
            if (!service.namespace().isEmpty()) {
                context.report(LegacyCodes.SERVICE_REFERENCE, path + ".namespace",
                        "namespace is not valid when service is provided");
            }
            if (!service.domain().isEmpty()) {
                context.report(LegacyCodes.SERVICE_REFERENCE, path + ".domain",
                        "domain is not valid when service is provided");
            }
        } else if (!LegacyNames.isLabel(service.name())) {
            context.report(LegacyCodes.SERVICE_REFERENCE, path + ".name", "name \"%s\" must be a valid label",
                    service.name());
        }
        if (!service.namespace().isEmpty() && !LegacyNames.isLabel(service.namespace())) {
            context.report(LegacyCodes.SERVICE_REFERENCE, path + ".namespace",
                    "namespace \"%s\" must be a valid label", service.namespace());
        }
        if (!service.domain().isEmpty()) {
            LegacyNames.checkFqdn(service.domain())
                    .ifPresent(m -> context.report(LegacyCodes.SERVICE_REFERENCE, path + ".domain", m));
        }
        for (Map.Entry<String, String> problem : LegacyNames.checkLabels(service.labels())) {
            context.report(LegacyCodes.SERVICE_REFERENCE, FieldPath.field(path + ".labels", problem.getKey()),
                    problem.getValue());
        }
    }
}
