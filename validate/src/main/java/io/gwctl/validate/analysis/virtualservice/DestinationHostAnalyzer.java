package io.gwctl.validate.analysis.virtualservice;

import io.fabric8.istio.api.api.networking.v1alpha3.VirtualService;
import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.analysis.AnalysisCodes;
import io.gwctl.validate.analysis.AnalysisContext;
import io.gwctl.validate.analysis.Analyzer;
import io.gwctl.validate.analysis.hosts.MeshService;
import io.gwctl.validate.analysis.hosts.ServiceRegistry;
import io.gwctl.validate.diagnostic.GoFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Each route and mirror destination host must resolve to a Service or ServiceEntry the VirtualService
 * can see, and its port must be one of that service's ports (or be given, when the service has several).
 * Istio: {@code virtualservice.DestinationHostAnalyzer} (IST0101 host, mirror host, host:port; IST0112).
 *
 * <p>A short host is the Service of that name in the VirtualService's namespace;
 * {@code name.ns.svc.cluster.local} reaches a Service in another namespace when its
 * {@code networking.istio.io/exportTo} lets the VirtualService's namespace see it (istio/istio#22698). A
 * host of neither form (an external name) needs a ServiceEntry, as in Istio; one that is not in the
 * input at all is reported the same way, as the input is all gwctl knows.
 */
final class DestinationHostAnalyzer implements Analyzer {

    @Override
    public String name() {
        return "virtualservice.DestinationHostAnalyzer";
    }

    @Override
    public void analyze(AnalysisContext context) {
        ServiceRegistry registry = ServiceRegistry.of(context);
        for (Resource r : context.ofType(ResourceType.VIRTUAL_SERVICE)) {
            VirtualService vs = r.spec(VirtualService.class).orElse(null);
            if (vs == null) {
                continue;
            }
            List<DestinationRef> destinations = new ArrayList<>(DestinationRef.routes(vs));
            destinations.addAll(DestinationRef.mirrors(vs));
            for (DestinationRef d : destinations) {
                Optional<MeshService> service = registry.resolve(r.namespace(), vs.getExportTo(), d.host());
                if (service.isEmpty()) {
                    context.report(AnalysisCodes.DESTINATION_HOST_NOT_FOUND, r, d.path(), String.format(
                            "Referenced %s not found: %s", d.mirror() ? "mirror host" : "host",
                            GoFormat.quote(d.host())));
                } else {
                    checkPort(context, r, d, service.get());
                }
            }
        }
    }

    private static void checkPort(AnalysisContext context, Resource r, DestinationRef d, MeshService service) {
        Long port = d.port();
        if (port == null) {
            if (service.ports().size() > 1) {
                context.report(AnalysisCodes.DESTINATION_PORT_REQUIRED, r, d.path(), String.format(
                        "This VirtualService routes to a service %s that exposes multiple ports %s. Specifying a port "
                                + "in the destination is required to disambiguate.",
                        GoFormat.quote(d.host()), GoFormat.list(service.portNumbers())));
            }
            return;
        }
        if (service.ports().stream().noneMatch(p -> p.number() == port)) {
            context.report(AnalysisCodes.DESTINATION_PORT_NOT_FOUND, r, d.portPath(),
                    "Referenced host:port not found: " + GoFormat.quote(d.host() + ":" + port));
        }
    }
}
