package io.gwctl.validate.analysis.virtualservice;

import io.fabric8.istio.api.api.networking.v1alpha3.VirtualService;
import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.analysis.AnalysisCodes;
import io.gwctl.validate.analysis.AnalysisContext;
import io.gwctl.validate.analysis.Analyzer;
import io.gwctl.validate.analysis.hosts.ServiceHosts;
import io.gwctl.validate.diagnostic.GoFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A gateway route straight to a service bypasses the VirtualService that splits that service by subset
 * (that one applies to sidecars, not to the gateway's request), so the split has no effect on ingress
 * traffic. Istio: {@code virtualservice.DestinationHostAnalyzer}, {@code analyzeSubset} (IST0140): an HTTP
 * route without subset, in a VirtualService bound to a gateway, to a host that another VirtualService
 * defines and routes by subset. Hosts are compared as FQDNs, each in its own VirtualService's namespace.
 */
final class IngressSubsetAnalyzer implements Analyzer {

    @Override
    public String name() {
        return "virtualservice.IngressSubsetAnalyzer";
    }

    @Override
    public void analyze(AnalysisContext context) {
        Map<Resource, Set<String>> splitHosts = new LinkedHashMap<>();
        for (Resource r : context.ofType(ResourceType.VIRTUAL_SERVICE)) {
            VirtualService vs = r.spec(VirtualService.class).orElse(null);
            if (vs == null || vs.getHosts() == null) {
                continue;
            }
            Set<String> own = vs.getHosts().stream().filter(Objects::nonNull)
                    .map(h -> ServiceHosts.toFqdn(r.namespace(), h)).collect(Collectors.toSet());
            Set<String> split = DestinationRef.routes(vs).stream()
                    .filter(d -> d.path().startsWith("spec.http") && !d.subset().isEmpty())
                    .map(d -> ServiceHosts.toFqdn(r.namespace(), d.host()))
                    .filter(own::contains)
                    .collect(Collectors.toSet());
            if (!split.isEmpty()) {
                splitHosts.put(r, split);
            }
        }
        for (Resource r : context.ofType(ResourceType.VIRTUAL_SERVICE)) {
            VirtualService vs = r.spec(VirtualService.class).orElse(null);
            if (vs == null || !boundToGateway(vs.getGateways())) {
                continue;
            }
            for (DestinationRef d : DestinationRef.routes(vs)) {
                if (!d.path().startsWith("spec.http") || !d.subset().isEmpty() || d.host().isEmpty()) {
                    continue;
                }
                String host = ServiceHosts.toFqdn(r.namespace(), d.host());
                splitHosts.forEach((other, hosts) -> {
                    if (other != r && hosts.contains(host)) {
                        context.report(AnalysisCodes.SUBSET_NO_EFFECT_ON_INGRESS, r, d.path(), String.format(
                                "Subset in virtual service %s has no effect on ingress gateway %s requests",
                                GoFormat.fullName(other), GoFormat.fullName(r)));
                    }
                });
            }
        }
    }

    private static boolean boundToGateway(List<String> gateways) {
        return gateways != null && gateways.stream().anyMatch(g -> g != null && !g.equals(GatewayRef.MESH));
    }
}
