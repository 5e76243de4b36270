package io.gwctl.validate.rules.virtualservice;

import io.fabric8.istio.api.api.networking.v1alpha3.StringMatch;
import io.fabric8.istio.api.api.networking.v1alpha3.VirtualService;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import java.util.Map;
import java.util.Set;

/**
 * The headers HTTP matches read ({@code headers}, {@code withoutHeaders}): each name an HTTP token, a
 * pseudo-header such as {@code :authority}, or a JWT claim ({@code @request.auth.claims.sub}), and a
 * {@code headers} entry not null. Istio {@code validateHTTPRouteMatchRequest},
 * {@code ValidateHTTPHeaderNameOrJwtClaimRoute}.
 */
final class MatchHeaderRule implements ResourceRule {

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.VIRTUAL_SERVICE);
    }

    @Override
    public void check(RuleContext context) {
        RouteMatches.http(context.spec(VirtualService.class), (match, path) -> {
            String headers = VirtualServicePaths.field(path, "headers");
            for (Map.Entry<String, StringMatch> e : ZeroValues.map(match.getHeaders()).entrySet()) {
                String name = ZeroValues.text(e.getKey());
                String at = VirtualServicePaths.field(headers, name);
                if (e.getValue() == null) {
                    context.report(VirtualServiceCodes.MATCH_HEADER, at, "header match " + name + " cannot be null");
                }
                HeaderNames.checkMatched(name).ifPresent(m -> context.report(VirtualServiceCodes.MATCH_HEADER, at, m));
            }
            String absent = VirtualServicePaths.field(path, "withoutHeaders");
            for (String name : ZeroValues.map(match.getWithoutHeaders()).keySet()) {
                String at = VirtualServicePaths.field(absent, ZeroValues.text(name));
                HeaderNames.checkMatched(ZeroValues.text(name)).ifPresent(m ->
                        context.report(VirtualServiceCodes.MATCH_HEADER, at, m));
            }
        });
    }
}
