package io.gwctl.translate.envoy;

import io.fabric8.istio.api.api.networking.v1alpha3.ServiceEntry;
import io.fabric8.kubernetes.api.model.Service;
import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The services of the input by host name: Kubernetes Services as {@code <name>.<ns>.svc.<suffix>} and
 * ServiceEntry hosts as written. Where two define one host, the first in input order is kept, as pilot keeps
 * the oldest.
 *
 * <p>{@link #visibleTo(String)} narrows it to what config in one namespace sees, as pilot's default sidecar
 * scope of a gateway does ({@code DefaultSidecarScopeForGateway} with {@code servicesExportedToNamespace} in
 * istio/istio {@code pilot/pkg/model/}): only services exported to that namespace ({@link ExportTo}: a
 * ServiceEntry's {@code exportTo}, a Service's {@code networking.istio.io/exportTo} annotation), those exported
 * to it by name or privately first, then the public ones, the first of a host winning.
 */
public final class ServiceCatalog {

    /** The annotation that lists the namespaces a Kubernetes Service is exported to. */
    static final String EXPORT_TO_ANNOTATION = "networking.istio.io/exportTo";

    private final List<MeshService> definitions;
    private final Map<String, MeshService> byHost = new LinkedHashMap<>();

    private ServiceCatalog(List<MeshService> definitions) {
        this.definitions = List.copyOf(definitions);
        for (MeshService s : this.definitions) {
            byHost.putIfAbsent(s.host().toLowerCase(Locale.ROOT), s);
        }
    }

    /** The services of {@code resources}. */
    public static ServiceCatalog of(List<Resource> resources, String domainSuffix) {
        List<MeshService> definitions = new ArrayList<>();
        for (Resource r : resources) {
            r.as(Service.class).ifPresent(s -> definitions.add(service(r, s, domainSuffix)));
            if (r.is(ResourceType.SERVICE_ENTRY)) {
                r.spec(ServiceEntry.class).ifPresent(se -> definitions.addAll(serviceEntry(r, se)));
            }
        }
        return new ServiceCatalog(definitions);
    }

    /** The services config in {@code namespace} sees. */
    public ServiceCatalog visibleTo(String namespace) {
        List<MeshService> exported = new ArrayList<>();
        List<MeshService> open = new ArrayList<>();
        for (MeshService s : definitions) {
            if (s.exportTo().isPublic()) {
                open.add(s);
            } else if (s.exportTo().visibleTo(namespace)) {
                exported.add(s);
            }
        }
        exported.addAll(open);
        return new ServiceCatalog(exported);
    }

    /** The service named {@code host} (fully qualified). */
    public Optional<MeshService> find(String host) {
        return Optional.ofNullable(byHost.get(host.toLowerCase(Locale.ROOT)));
    }

    /** All services, one per host, in order. */
    public List<MeshService> all() {
        return List.copyOf(byHost.values());
    }

    private static MeshService service(Resource r, Service s, String domainSuffix) {
        String host = r.name() + "." + r.namespace() + ".svc." + domainSuffix;
        List<ServicePort> ports = new ArrayList<>();
        if (s.getSpec() != null && s.getSpec().getPorts() != null) {
            for (var p : s.getSpec().getPorts()) {
                if (p == null || p.getPort() == null) {
                    continue;
                }
                int target = p.getTargetPort() != null && p.getTargetPort().getIntVal() != null
                        ? p.getTargetPort().getIntVal() : p.getPort();
                String name = p.getName() == null ? "" : p.getName();
                ports.add(new ServicePort(p.getPort(), name, protocolOf(name, p.getAppProtocol(), p.getProtocol()), target));
            }
        }
        Map<String, String> selector = s.getSpec() == null || s.getSpec().getSelector() == null
                ? Map.of() : s.getSpec().getSelector();
        String annotation = s.getMetadata() == null || s.getMetadata().getAnnotations() == null
                ? null : s.getMetadata().getAnnotations().get(EXPORT_TO_ANNOTATION);
        ExportTo exportTo = ExportTo.of(r.namespace(), annotation == null ? List.of() : List.of(annotation.split(",")));
        return new MeshService(host, r.namespace(), ports, selector, exportTo, r);
    }

    private static List<MeshService> serviceEntry(Resource r, ServiceEntry se) {
        if (se.getHosts() == null) {
            return List.of();
        }
        List<ServicePort> ports = new ArrayList<>();
        if (se.getPorts() != null) {
            for (var p : se.getPorts()) {
                if (p == null || p.getNumber() == null) {
                    continue;
                }
                int number = p.getNumber().intValue();
                int target = p.getTargetPort() == null || p.getTargetPort() == 0 ? number : p.getTargetPort().intValue();
                String protocol = p.getProtocol() == null ? "TCP" : p.getProtocol().toUpperCase(Locale.ROOT);
                ports.add(new ServicePort(number, p.getName() == null ? "" : p.getName(), protocol, target));
            }
        }
        Map<String, String> selector = se.getWorkloadSelector() == null || se.getWorkloadSelector().getLabels() == null
                ? Map.of() : se.getWorkloadSelector().getLabels();
        ExportTo exportTo = ExportTo.of(r.namespace(), se.getExportTo());
        List<MeshService> out = new ArrayList<>();
        for (String host : se.getHosts()) {
            if (host != null) {
                out.add(new MeshService(host, r.namespace(), ports, selector, exportTo, r));
            }
        }
        return out;
    }

    /**
     * A Kubernetes port's protocol as Istio infers it: {@code appProtocol}, else the name's prefix before
     * {@code -} ({@code http-web} → HTTP, {@code grpc} → GRPC), else TCP (UDP stays UDP).
     */
    static String protocolOf(String name, String appProtocol, String l4) {
        if ("UDP".equalsIgnoreCase(l4)) {
            return "UDP";
        }
        String hint = appProtocol != null && !appProtocol.isEmpty() ? appProtocol : name;
        int dash = hint.indexOf('-');
        String prefix = (dash < 0 ? hint : hint.substring(0, dash)).toUpperCase(Locale.ROOT);
        return switch (prefix) {
            case "HTTP", "HTTP2", "HTTPS", "GRPC", "GRPC-WEB", "TLS", "MONGO", "REDIS", "MYSQL", "TCP" -> prefix;
            case "H2C" -> "HTTP2";
            default -> prefix.startsWith("GRPC-WEB") ? "GRPC-WEB" : "TCP";
        };
    }
}
