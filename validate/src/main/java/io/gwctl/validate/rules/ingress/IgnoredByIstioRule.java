package io.gwctl.validate.rules.ingress;

import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import java.util.Set;

/**
 * Parts of a valid Ingress that Istio leaves out when it turns the Ingress into a Gateway and
 * VirtualServices (pilot/pkg/config/kube/ingress): the default backend ("Ignore default wildcard
 * ingress, use VirtualService"), a rule without {@code http} ("no paths defined"), a path whose backend
 * is a resource ("backend service must be specified") and a TLS entry without {@code secretName} ("no
 * secretName defined"). Istio only logs these; the traffic silently gets a 404. Only for an Ingress
 * written for Istio ({@link IngressView#forIstio()}).
 */
final class IgnoredByIstioRule implements ResourceRule {

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.INGRESS, ResourceType.INGRESS_V1BETA1, ResourceType.INGRESS_EXTENSIONS);
    }

    @Override
    public void check(RuleContext context) {
        IngressView ingress = IngressView.of(context.resource());
        if (!ingress.forIstio()) {
            return;
        }
        if (ingress.defaultBackend() != null) {
            context.report(IngressCodes.DEFAULT_BACKEND_IGNORED, ingress.defaultBackend().at(),
                    "Istio ignores the default backend of an Ingress; route requests that match no rule with a"
                            + " VirtualService instead");
        }
        for (IngressView.Rule rule : ingress.rules()) {
            if (rule.paths() == null) {
                context.report(IngressCodes.RULE_WITHOUT_HTTP, IngressPaths.rule(rule.index()),
                        "Istio skips this rule: it has no http paths%s",
                        rule.host().isEmpty() ? "" : " for host \"" + rule.host() + "\"");
            }
        }
        for (IngressView.Path path : ingress.allPaths()) {
            IngressView.Backend backend = path.backend();
            if (backend.service() == null && backend.resource() != null) {
                context.report(IngressCodes.RESOURCE_BACKEND_IGNORED, IngressPaths.resource(backend.at()),
                        "Istio drops this path: its backend is a resource, and Istio routes only to services");
            }
        }
        for (IngressView.Tls tls : ingress.tls()) {
            if (tls.secretName().isEmpty()) {
                context.report(IngressCodes.TLS_WITHOUT_SECRET, IngressPaths.tls(tls.index()),
                        "Istio serves no HTTPS for this TLS entry: it has no secretName");
            }
        }
    }
}
