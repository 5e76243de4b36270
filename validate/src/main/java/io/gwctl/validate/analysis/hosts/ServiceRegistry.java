package io.gwctl.validate.analysis.hosts;

import io.fabric8.istio.api.api.networking.v1alpha3.ServiceEntry;
import io.fabric8.istio.api.api.networking.v1alpha3.ServicePort;
import io.fabric8.istio.api.api.networking.v1alpha3.WorkloadEntry;
import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.analysis.AnalysisContext;
import io.gwctl.validate.analysis.workloads.KubeService;
import io.gwctl.validate.analysis.workloads.Workloads;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The services of the mesh by the host that names them and the namespaces that see them: every
 * ServiceEntry host in each of its {@code exportTo} scopes, and every Kubernetes Service as
 * {@code name.ns.svc.cluster.local} in the scopes of its {@code networking.istio.io/exportTo} annotation
 * (Istio's analyzer {@code util/service_lookup.go}).
 */
public final class ServiceRegistry {

    private static final String EXPORT_TO_ANNOTATION = "networking.istio.io/exportTo";

    private final Map<ScopedHost, MeshService> byHost;

    private ServiceRegistry(Map<ScopedHost, MeshService> byHost) {
        this.byHost = byHost;
    }

    /** The registry of a run, built once and shared by the analyzers. */
    public static ServiceRegistry of(AnalysisContext context) {
        return context.shared(ServiceRegistry.class, ServiceRegistry::build);
    }

    private static ServiceRegistry build(AnalysisContext context) {
        Map<ScopedHost, MeshService> byHost = new LinkedHashMap<>();
        for (Resource r : context.ofType(ResourceType.SERVICE_ENTRY)) {
            ServiceEntry se = r.spec(ServiceEntry.class).orElse(null);
            if (se == null || se.getHosts() == null) {
                continue;
            }
            MeshService service = serviceOf(r, se);
            for (String scope : ExportTo.scopes(se.getExportTo(), r.namespace())) {
                for (String host : se.getHosts()) {
                    if (host != null) {
                        byHost.put(new ScopedHost(scope, ServiceHosts.toFqdn(r.namespace(), host)), service);
                    }
                }
            }
        }
        for (KubeService svc : Workloads.of(context).services()) {
            List<MeshService.Port> ports = svc.ports().stream()
                    .map(p -> new MeshService.Port(p.port(), p.name(), p.protocol())).toList();
            MeshService service = new MeshService("Service " + svc.namespace() + "/" + svc.name(), ports, Map.of(),
                    List.of());
            String host = ServiceHosts.toFqdn(svc.namespace(), svc.name());
            for (String scope : ExportTo.ofAnnotation(svc.annotations().get(EXPORT_TO_ANNOTATION), svc.namespace())) {
                byHost.put(new ScopedHost(scope, host), service);
            }
        }
        return new ServiceRegistry(byHost);
    }

    private static MeshService serviceOf(Resource r, ServiceEntry se) {
        List<MeshService.Port> ports = new ArrayList<>();
        if (se.getPorts() != null) {
            for (ServicePort p : se.getPorts()) {
                if (p != null && p.getNumber() != null) {
                    ports.add(new MeshService.Port(p.getNumber().intValue(), p.getName() == null ? "" : p.getName(),
                            p.getProtocol() == null ? "" : p.getProtocol()));
                }
            }
        }
        Map<String, String> selector = se.getWorkloadSelector() == null || se.getWorkloadSelector().getLabels() == null
                ? Map.of() : se.getWorkloadSelector().getLabels();
        List<Map<String, String>> endpoints = new ArrayList<>();
        if (se.getEndpoints() != null) {
            for (WorkloadEntry we : se.getEndpoints()) {
                if (we != null && we.getLabels() != null) {
                    endpoints.add(we.getLabels());
                }
            }
        }
        return new MeshService("ServiceEntry " + r.namespace() + "/" + r.name(), ports, selector, endpoints);
    }

    /**
     * The service {@code host} resolves to for a resource in {@code namespace} exported to
     * {@code exportTo} (Istio's {@code GetDestinationHost}): a service visible everywhere, else one
     * visible in the resource's namespace (or, when the resource sets {@code exportTo}, in one of the
     * namespaces it is exported to), else a wildcard ServiceEntry host covering it.
     */
    public Optional<MeshService> resolve(String namespace, List<String> exportTo, String host) {
        String fqdn = ServiceHosts.toFqdn(namespace, host);
        MeshService found = byHost.get(new ScopedHost(ExportTo.ALL, fqdn));
        if (found != null) {
            return Optional.of(found);
        }
        List<String> scopes = exportTo == null || exportTo.isEmpty() ? List.of(namespace) : exportTo;
        for (String scope : scopes) {
            found = byHost.get(new ScopedHost(ExportTo.LOCAL.equals(scope) ? namespace : scope, fqdn));
            if (found != null) {
                return Optional.of(found);
            }
        }
        String bare = host.startsWith("*") ? host.substring(1) : host;
        for (Map.Entry<ScopedHost, MeshService> e : byHost.entrySet()) {
            ScopedHost key = e.getKey();
            boolean visible = key.scope().equals(ExportTo.ALL) || key.scope().equals(namespace);
            if (visible && key.host().startsWith("*") && bare.endsWith(key.host().substring(1))) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    /**
     * A host in the scope that sees it.
     *
     * @param scope {@code *}, or a namespace
     * @param host  the fully qualified host
     */
    private record ScopedHost(String scope, String host) {

        ScopedHost {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(host, "host");
        }
    }
}
