package io.gwctl.validate.rules.virtualservice;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.VirtualService;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import java.util.List;
import java.util.Set;

/**
 * A VirtualService must route something, and every HTTP route must be there. Istio
 * {@code ValidateVirtualService}: "http, tcp or tls must be provided in virtual service",
 * "http route may not be null".
 */
final class RoutesPresentRule implements ResourceRule {

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.VIRTUAL_SERVICE);
    }

    @Override
    public void check(RuleContext context) {
        VirtualService vs = context.spec(VirtualService.class);
        List<HTTPRoute> http = ZeroValues.list(vs.getHttp());
        if (http.isEmpty() && ZeroValues.list(vs.getTcp()).isEmpty() && ZeroValues.list(vs.getTls()).isEmpty()) {
            context.report(VirtualServiceCodes.NO_ROUTES, VirtualServicePaths.SPEC,
                    "http, tcp or tls must be provided in virtual service");
        }
        for (int i = 0; i < http.size(); i++) {
            if (http.get(i) == null) {
                context.report(VirtualServiceCodes.NULL_HTTP_ROUTE, VirtualServicePaths.http(i),
                        "http route may not be null");
            }
        }
    }
}
