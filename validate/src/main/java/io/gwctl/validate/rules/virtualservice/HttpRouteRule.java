package io.gwctl.validate.rules.virtualservice;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.VirtualService;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import java.util.List;
import java.util.Set;

/**
 * A VirtualService rule that looks at each HTTP route on its own, as Istio's {@code validateHTTPRoute} does.
 * Empty entries of {@code spec.http} are skipped here ({@link RoutesPresentRule} reports them).
 */
abstract class HttpRouteRule implements ResourceRule {

    @Override
    public final Set<ResourceType> kinds() {
        return Set.of(ResourceType.VIRTUAL_SERVICE);
    }

    @Override
    public final void check(RuleContext context) {
        List<HTTPRoute> http = ZeroValues.list(context.spec(VirtualService.class).getHttp());
        for (int i = 0; i < http.size(); i++) {
            if (http.get(i) != null) {
                checkRoute(context, http.get(i), i, VirtualServicePaths.http(i));
            }
        }
    }

    /**
     * Checks HTTP route {@code index} of the VirtualService.
     *
     * @param path {@code spec.http[index]}
     */
    abstract void checkRoute(RuleContext context, HTTPRoute route, int index, String path);
}
