package io.gwctl.translate.envoy;

import io.fabric8.kubernetes.api.model.Pod;
import io.gwctl.model.resource.Resource;
import java.util.List;
import java.util.Map;

/**
 * The namespace of the gateway proxy, pilot's {@code node.ConfigNamespace}: what config is exported to it
 * decides which VirtualServices, DestinationRules and services it sees, and its SDS secrets are read there. It
 * is the namespace of the first Pod carrying the gateway's labels, else {@code istio-system}, where a default
 * install runs its gateways.
 */
public final class ProxyNamespace {

    public static final String DEFAULT = "istio-system";

    private ProxyNamespace() {
    }

    /** The namespace of the workload whose labels include {@code selector}. */
    public static String of(List<Resource> resources, Map<String, String> selector) {
        for (Resource r : resources) {
            Pod pod = r.as(Pod.class).orElse(null);
            if (pod != null && pod.getMetadata() != null && pod.getMetadata().getLabels() != null
                    && pod.getMetadata().getLabels().entrySet().containsAll(selector.entrySet())) {
                return r.namespace();
            }
        }
        return DEFAULT;
    }
}
