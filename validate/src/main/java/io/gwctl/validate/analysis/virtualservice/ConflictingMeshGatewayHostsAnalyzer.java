package io.gwctl.validate.analysis.virtualservice;

import io.fabric8.istio.api.api.networking.v1alpha3.VirtualService;
import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.analysis.AnalysisCodes;
import io.gwctl.validate.analysis.AnalysisContext;
import io.gwctl.validate.analysis.Analyzer;
import io.gwctl.validate.analysis.hosts.ExportTo;
import io.gwctl.validate.analysis.hosts.HostName;
import io.gwctl.validate.analysis.hosts.ServiceHosts;
import io.gwctl.validate.diagnostic.GoFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Two VirtualServices bound to the mesh gateway (no {@code gateways}, or {@code mesh} among them) must
 * not define the same host for the same namespaces: sidecars then pick one of them at random. Istio:
 * {@code virtualservice.ConflictingMeshGatewayHostsAnalyzer} (IST0109). Hosts are compared as FQDNs in
 * each {@code exportTo} scope; a VirtualService exported to some namespaces also conflicts with one
 * exported everywhere whose host matches (wildcards included).
 *
 * <p>A VirtualService never conflicts with itself, even when two of its hosts name the same service
 * ({@code reviews} and {@code reviews.ns.svc.cluster.local}) or its {@code exportTo} lists a namespace
 * twice (istio/istio#42561); each VirtualService is reported once, at its first conflicting host.
 */
final class ConflictingMeshGatewayHostsAnalyzer implements Analyzer {

    @Override
    public String name() {
        return "virtualservice.ConflictingMeshGatewayHostsAnalyzer";
    }

    @Override
    public void analyze(AnalysisContext context) {
        // scope -> fqdn -> virtual services (first host index of each), in a stable order
        Map<String, Map<String, Map<Resource, Integer>>> byScope = new TreeMap<>();
        for (Resource r : context.ofType(ResourceType.VIRTUAL_SERVICE)) {
            VirtualService vs = r.spec(VirtualService.class).orElse(null);
            if (vs == null || vs.getHosts() == null || !boundToMesh(vs)) {
                continue;
            }
            for (String scope : ExportTo.scopes(vs.getExportTo(), r.namespace())) {
                for (int i = 0; i < vs.getHosts().size(); i++) {
                    String host = vs.getHosts().get(i);
                    if (host != null) {
                        byScope.computeIfAbsent(scope, k -> new TreeMap<>())
                                .computeIfAbsent(ServiceHosts.toFqdn(r.namespace(), host), k -> new LinkedHashMap<>())
                                .putIfAbsent(r, i);
                    }
                }
            }
        }
        Map<String, Map<Resource, Integer>> exportedToAll = byScope.getOrDefault(ExportTo.ALL, Map.of());
        Set<Resource> reported = new HashSet<>();
        byScope.forEach((scope, hosts) -> hosts.forEach((fqdn, services) -> {
            Map<Resource, Integer> conflicting = new LinkedHashMap<>(services);
            if (!scope.equals(ExportTo.ALL)) {
                exportedToAll.forEach((other, vss) -> {
                    if (HostName.matches(fqdn, other)) {
                        vss.forEach(conflicting::putIfAbsent);
                    }
                });
            }
            if (conflicting.size() < 2) {
                return;
            }
            String names = conflicting.keySet().stream().map(GoFormat::fullName).sorted()
                    .collect(Collectors.joining(","));
            conflicting.forEach((r, hostIndex) -> {
                if (reported.add(r)) {
                    String message = String.format("The VirtualServices %s associated with mesh gateway define the "
                            + "same host %s which can lead to undefined behavior. This can be fixed by merging the "
                            + "conflicting VirtualServices into a single resource.", names, fqdn);
                    context.report(AnalysisCodes.MESH_HOST_CONFLICT, r, VirtualServicePaths.host(hostIndex), message);
                }
            });
        }));
    }

    private static boolean boundToMesh(VirtualService vs) {
        List<String> gateways = vs.getGateways();
        return gateways == null || gateways.isEmpty()
                || gateways.stream().anyMatch(g -> Objects.equals(g, GatewayRef.MESH));
    }
}
