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
 */
public final class ServiceCatalog {

    private final Map<String, MeshService> byHost = new LinkedHashMap<>();

    /** The services of {@code resources}. */
    public static ServiceCatalog of(List<Resource> resources, String domainSuffix) {
        ServiceCatalog catalog = new ServiceCatalog();
        for (Resource r : resources) {
            r.as(Service.class).ifPresent(s -> catalog.addService(r, s, domainSuffix));
            if (r.is(ResourceType.SERVICE_ENTRY)) {
                r.spec(ServiceEntry.class).ifPresent(se -> catalog.addServiceEntry(r, se));
            }
        }
        return catalog;
    }

    /** The service named {@code host} (fully qualified). */
    public Optional<MeshService> find(String host) {
        return Optional.ofNullable(byHost.get(host.toLowerCase(Locale.ROOT)));
    }

    /** All services, in input order. */
    public List<MeshService> all() {
        return List.copyOf(byHost.values());
    }

    private void addService(Resource r, Service s, String domainSuffix) {
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
        byHost.putIfAbsent(host.toLowerCase(Locale.ROOT), new MeshService(host, r.namespace(), ports, selector, r));
    }

    private void addServiceEntry(Resource r, ServiceEntry se) {
        if (se.getHosts() == null) {
            return;
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
        for (String host : se.getHosts()) {
            if (host != null) {
                byHost.putIfAbsent(host.toLowerCase(Locale.ROOT), new MeshService(host, r.namespace(), ports, selector, r));
            }
        }
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
