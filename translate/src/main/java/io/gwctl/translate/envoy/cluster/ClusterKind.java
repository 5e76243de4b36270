package io.gwctl.translate.envoy.cluster;

import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.fabric8.istio.api.api.networking.v1alpha3.ServiceEntry;
import io.fabric8.istio.api.api.networking.v1alpha3.ServiceEntryResolution;
import io.fabric8.kubernetes.api.model.Service;
import io.gwctl.translate.envoy.MeshService;
import java.util.Optional;

/**
 * How a service's endpoints are discovered, as pilot's {@code buildOutboundClusters} chooses the discovery type
 * from the service's resolution: client-side load balancing (Kubernetes Services, STATIC ServiceEntries) → EDS;
 * DNS → STRICT_DNS; DNS_ROUND_ROBIN → LOGICAL_DNS; NONE (a ServiceEntry's default, a headless Service) →
 * ORIGINAL_DST. A Kubernetes ExternalName Service resolves by DNS.
 */
enum ClusterKind {
    EDS(Cluster.DiscoveryType.EDS),
    STRICT_DNS(Cluster.DiscoveryType.STRICT_DNS),
    LOGICAL_DNS(Cluster.DiscoveryType.LOGICAL_DNS),
    ORIGINAL_DST(Cluster.DiscoveryType.ORIGINAL_DST);

    final Cluster.DiscoveryType type;

    ClusterKind(Cluster.DiscoveryType type) {
        this.type = type;
    }

    boolean isDns() {
        return this == STRICT_DNS || this == LOGICAL_DNS;
    }

    /** The kind of {@code service}; empty for DYNAMIC_DNS ServiceEntries, which gateways serve through a dynamic forward proxy not built here. */
    static Optional<ClusterKind> kindOf(MeshService service) {
        Optional<Service> k8s = service.source().as(Service.class);
        if (k8s.isPresent()) {
            var spec = k8s.get().getSpec();
            if (spec != null && "ExternalName".equals(spec.getType())) {
                return Optional.of(STRICT_DNS);
            }
            return Optional.of(spec != null && "None".equals(spec.getClusterIP()) ? ORIGINAL_DST : EDS);
        }
        ServiceEntryResolution resolution = service.source().spec(ServiceEntry.class)
                .map(ServiceEntry::getResolution).orElse(null);
        if (resolution == null) {
            return Optional.of(ORIGINAL_DST);
        }
        return switch (resolution) {
            case STATIC -> Optional.of(EDS);
            case DNS -> Optional.of(STRICT_DNS);
            case DNS_ROUND_ROBIN -> Optional.of(LOGICAL_DNS);
            case NONE -> Optional.of(ORIGINAL_DST);
            default -> Optional.empty();
        };
    }

    /** The kind of {@code service}, ORIGINAL_DST where it has none. */
    static ClusterKind of(MeshService service) {
        return kindOf(service).orElse(ORIGINAL_DST);
    }
}
