package io.gwctl.validate.rules.ingress;

import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import java.util.Set;

/**
 * An Ingress must route something: rules or a default backend; and a rule's {@code http} block must
 * list paths. Kubernetes {@code ValidateIngressSpec} ("either `defaultBackend` or `rules` must be
 * specified"; v1beta1 servers said `backend`) and {@code validateHTTPIngressRuleValue}
 * ({@code http.paths: Required value}).
 */
final class SpecContentRule implements ResourceRule {

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.INGRESS, ResourceType.INGRESS_V1BETA1, ResourceType.INGRESS_EXTENSIONS);
    }

    @Override
    public void check(RuleContext context) {
        IngressView ingress = IngressView.of(context.resource());
        if (ingress.rules().isEmpty() && ingress.defaultBackend() == null) {
            context.report(IngressCodes.NO_RULES_OR_BACKEND, IngressPaths.SPEC,
                    "spec: either `%s` or `rules` must be specified", ingress.v1() ? "defaultBackend" : "backend");
        }
        for (IngressView.Rule rule : ingress.rules()) {
            if (rule.paths() != null && rule.paths().isEmpty()) {
                String path = IngressPaths.paths(rule.index());
                context.report(IngressCodes.HTTP_PATHS_REQUIRED, path, FieldErrors.required(path, ""));
            }
        }
    }
}
