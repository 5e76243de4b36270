package io.gwctl.translate.envoy.route;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.VirtualService;
import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.translate.envoy.ServiceCatalog;
import io.gwctl.validate.analysis.AnalysisContext;
import io.gwctl.validate.analysis.Analyzer;
import io.gwctl.validate.envoy.EnvoyCodes;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders every VirtualService HTTP route as pilot would and reports what Envoy would reject (an empty
 * weighted cluster list, a regex RE2 does not take, a redirect code Envoy has no value for), so that
 * {@code gwctl validate} says it before Envoy NACKs the gateway's whole route update. Where a validation rule
 * already reported an error at the same field, the validator keeps that one.
 */
public final class EnvoyRejectionAnalyzer implements Analyzer {

    /** The listener port used for rendering; it only picks a destination port when the route names none. */
    private static final int ANY_PORT = 80;
    private static final String DOMAIN_SUFFIX = "cluster.local";

    @Override
    public String name() {
        return "envoy.RouteRejectionAnalyzer";
    }

    @Override
    public void analyze(AnalysisContext context) {
        ServiceCatalog services = ServiceCatalog.of(context.resources(), DOMAIN_SUFFIX);
        for (Resource r : context.ofType(ResourceType.VIRTUAL_SERVICE)) {
            VirtualService vs = r.spec(VirtualService.class).orElse(null);
            if (vs == null || vs.getHttp() == null) {
                continue;
            }
            for (int i = 0; i < vs.getHttp().size(); i++) {
                HTTPRoute route = vs.getHttp().get(i);
                if (route == null) {
                    continue;
                }
                List<RouteProblem> problems = new ArrayList<>();
                HttpRouteTranslation.translate(new HttpRouteInput(r, route, i, ANY_PORT, DOMAIN_SUFFIX, services), problems);
                problems.forEach(p -> context.report(EnvoyCodes.REJECTED_ROUTE, r, p.path(), p.message()));
            }
        }
    }
}
