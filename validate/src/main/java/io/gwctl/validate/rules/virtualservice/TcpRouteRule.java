package io.gwctl.validate.rules.virtualservice;

import io.fabric8.istio.api.api.networking.v1alpha3.L4MatchAttributes;
import io.fabric8.istio.api.api.networking.v1alpha3.TCPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.VirtualService;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import java.util.List;
import java.util.Set;

/**
 * A TCP route has destinations and no null match. Istio {@code validateTCPRoute}, {@code validateTCPMatch};
 * match ports, labels and subnets are checked by {@link MatchAttributesRule}.
 */
final class TcpRouteRule implements ResourceRule {

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.VIRTUAL_SERVICE);
    }

    @Override
    public void check(RuleContext context) {
        List<TCPRoute> tcp = ZeroValues.list(context.spec(VirtualService.class).getTcp());
        for (int i = 0; i < tcp.size(); i++) {
            TCPRoute route = tcp.get(i);
            if (route == null) {
                continue;
            }
            String path = VirtualServicePaths.tcp(i);
            List<L4MatchAttributes> matches = ZeroValues.list(route.getMatch());
            for (int j = 0; j < matches.size(); j++) {
                if (matches.get(j) == null) {
                    context.report(VirtualServiceCodes.TCP_ROUTE, VirtualServicePaths.match(path, j),
                            "tcp match may not be nil");
                }
            }
            if (ZeroValues.list(route.getRoute()).isEmpty()) {
                context.report(VirtualServiceCodes.TCP_ROUTE, path, "TCP route is required");
            }
        }
    }
}
