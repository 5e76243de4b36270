package io.gwctl.validate.rules.virtualservice;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.VirtualService;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import java.util.List;
import java.util.Set;

/**
 * Delegation: a VirtualService without hosts is a delegate, used only through another's
 * {@code http[].delegate}, so it cannot name gateways or carry TLS or TCP routes, and its routes cannot
 * delegate again; a route that delegates (a root route) cannot route or redirect itself. Istio
 * {@code ValidateVirtualService} and {@code validateHTTPRouteConflict} (virtualservice.go).
 */
final class DelegateRule implements ResourceRule {

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.VIRTUAL_SERVICE);
    }

    @Override
    public void check(RuleContext context) {
        VirtualService vs = context.spec(VirtualService.class);
        boolean delegate = ZeroValues.list(vs.getHosts()).isEmpty();
        if (delegate) {
            if (!ZeroValues.list(vs.getGateways()).isEmpty()) {
                context.report(VirtualServiceCodes.DELEGATE_SCOPE, VirtualServicePaths.GATEWAYS,
                        "delegate virtual service must have no gateways specified");
            }
            if (!ZeroValues.list(vs.getTls()).isEmpty()) {
                context.report(VirtualServiceCodes.DELEGATE_SCOPE, VirtualServicePaths.TLS,
                        "delegate virtual service must have no tls route specified");
            }
            if (!ZeroValues.list(vs.getTcp()).isEmpty()) {
                context.report(VirtualServiceCodes.DELEGATE_SCOPE, VirtualServicePaths.TCP,
                        "delegate virtual service must have no tcp route specified");
            }
        }
        List<HTTPRoute> http = ZeroValues.list(vs.getHttp());
        for (int i = 0; i < http.size(); i++) {
            HTTPRoute route = http.get(i);
            if (route == null || route.getDelegate() == null) {
                continue;
            }
            String path = VirtualServicePaths.http(i);
            if (delegate) {
                context.report(VirtualServiceCodes.DELEGATION, VirtualServicePaths.field(path, "delegate"),
                        "delegate HTTP route cannot contain delegate");
                continue;
            }
            String name = ZeroValues.text(route.getName());
            if (route.getRedirect() != null) {
                context.report(VirtualServiceCodes.DELEGATION, VirtualServicePaths.field(path, "redirect"),
                        "root HTTP route " + name + " must not specify redirect");
            }
            if (!ZeroValues.list(route.getRoute()).isEmpty()) {
                context.report(VirtualServiceCodes.DELEGATION, VirtualServicePaths.field(path, "route"),
                        "root HTTP route " + name + " must not specify route");
            }
        }
    }
}
