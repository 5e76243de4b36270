package io.gwctl.validate.rules.virtualservice;

import io.fabric8.istio.api.api.networking.v1alpha3.StringMatch;
import io.fabric8.istio.api.api.networking.v1alpha3.VirtualService;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.diagnostic.GoFormat;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import java.util.Map;
import java.util.Set;

/**
 * Routing on a JWT claim ({@code @request.auth.claims.<claim>} as a header name) works only at gateways,
 * where the request is authenticated before routing; a VirtualService with no gateways or with {@code mesh}
 * cannot use it. Istio {@code ValidateVirtualService}.
 */
final class JwtClaimRouteRule implements ResourceRule {

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.VIRTUAL_SERVICE);
    }

    @Override
    public void check(RuleContext context) {
        VirtualService vs = context.spec(VirtualService.class);
        if (HostNames.boundToGateways(vs)) {
            return;
        }
        String gateways = GoFormat.list(ZeroValues.list(vs.getGateways()));
        RouteMatches.http(vs, (match, path) -> {
            claims(context, match.getHeaders(), VirtualServicePaths.field(path, "headers"), gateways);
            claims(context, match.getWithoutHeaders(), VirtualServicePaths.field(path, "withoutHeaders"), gateways);
        });
    }

    private static void claims(RuleContext context, Map<String, StringMatch> headers, String path, String gateways) {
        for (String name : ZeroValues.map(headers).keySet()) {
            String key = ZeroValues.text(name);
            if (HeaderNames.isJwtClaim(key)) {
                context.report(VirtualServiceCodes.JWT_CLAIM_WITHOUT_GATEWAY, VirtualServicePaths.field(path, key),
                        "JWT claim based routing (key: " + key + ") is only supported for gateway, found no gateways: "
                                + gateways);
            }
        }
    }
}
