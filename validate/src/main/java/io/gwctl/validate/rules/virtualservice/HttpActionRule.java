package io.gwctl.validate.rules.virtualservice;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.VirtualService;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import java.util.List;
import java.util.Set;

/**
 * What an HTTP route does: forward ({@code route}), {@code redirect} or answer ({@code directResponse}),
 * exactly one of them, and nothing that cannot apply to it (a redirect or direct response is neither faulted
 * nor rewritten); {@code mirror} and {@code mirrors} exclude each other. Istio
 * {@code validateHTTPRouteConflict} (virtualservice.go); delegating routes are checked by {@link DelegateRule}.
 * A conflict is reported at the field that the redirect or direct response excludes.
 */
final class HttpActionRule implements ResourceRule {

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.VIRTUAL_SERVICE);
    }

    @Override
    public void check(RuleContext context) {
        VirtualService vs = context.spec(VirtualService.class);
        boolean delegate = ZeroValues.list(vs.getHosts()).isEmpty();
        List<HTTPRoute> http = ZeroValues.list(vs.getHttp());
        for (int i = 0; i < http.size(); i++) {
            HTTPRoute route = http.get(i);
            if (route == null || (!delegate && route.getDelegate() != null)) {
                continue;
            }
            String path = VirtualServicePaths.http(i);
            boolean forwards = !ZeroValues.list(route.getRoute()).isEmpty();
            if (route.getRedirect() != null) {
                conflict(context, forwards, path, "route", "HTTP route cannot contain both route and redirect");
                conflict(context, route.getFault() != null, path, "fault",
                        "HTTP route cannot contain both fault and redirect");
                conflict(context, route.getRewrite() != null, path, "rewrite",
                        "HTTP route rule cannot contain both rewrite and redirect");
                conflict(context, route.getDirectResponse() != null, path, "directResponse",
                        "HTTP route rule cannot contain both direct_response and redirect");
            } else if (route.getDirectResponse() != null) {
                conflict(context, forwards, path, "route", "HTTP route cannot contain both route and direct_response");
                conflict(context, route.getFault() != null, path, "fault",
                        "HTTP route cannot contain both fault and direct_response");
                conflict(context, route.getRewrite() != null, path, "rewrite",
                        "HTTP route rule cannot contain both rewrite and direct_response");
            } else if (!forwards) {
                context.report(VirtualServiceCodes.HTTP_ACTION_REQUIRED, path,
                        "HTTP route, redirect or direct_response is required");
            }
            if (route.getMirror() != null && !ZeroValues.list(route.getMirrors()).isEmpty()) {
                context.report(VirtualServiceCodes.HTTP_ACTION_CONFLICT, VirtualServicePaths.field(path, "mirrors"),
                        "HTTP route cannot contain both mirror and mirrors");
            }
        }
    }

    /** Reports {@code message} at {@code field} of the route when {@code both} are set. */
    private static void conflict(RuleContext context, boolean both, String route, String field, String message) {
        if (both) {
            context.report(VirtualServiceCodes.HTTP_ACTION_CONFLICT, VirtualServicePaths.field(route, field), message);
        }
    }
}
