package io.gwctl.translate.envoy.gateway;

import io.fabric8.istio.api.api.networking.v1alpha3.ServiceEntry;
import io.fabric8.istio.api.api.networking.v1alpha3.WorkloadEntry;
import io.fabric8.kubernetes.api.model.Pod;
import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.translate.envoy.MeshService;
import io.gwctl.translate.envoy.ServiceCatalog;
import io.gwctl.translate.envoy.ServicePort;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The gateway proxy and the services it is an instance of, which decide its listener ports (pilot
 * {@code resolvePorts} in {@code model/gateway.go}).
 *
 * <p>The proxy is the first Pod of the input whose labels include the selector: its namespace is the
 * workload namespace and its {@code status.podIP} its address. Its service instances are the Kubernetes
 * Services of that namespace whose non-empty selector its labels satisfy, and the ServiceEntries of that
 * namespace with an endpoint at its address (endpoint labels play no part, as in pilot's
 * {@code GetProxyServiceTargets}). Without a Pod, Services of any namespace selecting the selector labels
 * count, and no ServiceEntry does.
 */
final class GatewayWorkload {

    static final String DISABLE_PORT_TRANSLATION = "experimental.istio.io/disable-gateway-port-translation";

    private record Instance(MeshService service, ServicePort port, boolean translationDisabled) {
    }

    private final List<Instance> instances = new ArrayList<>();

    GatewayWorkload(List<Resource> resources, Map<String, String> selector, ServiceCatalog catalog) {
        Optional<Pod> pod = resources.stream()
                .filter(r -> r.is(ResourceType.POD))
                .flatMap(r -> r.as(Pod.class).stream())
                .filter(p -> p.getMetadata() != null && subset(selector, p.getMetadata().getLabels()))
                .findFirst();
        Map<String, String> labels = pod.map(p -> p.getMetadata().getLabels()).orElse(selector);
        Optional<String> namespace = pod.map(p -> p.getMetadata().getNamespace());
        Optional<String> address = pod.map(p -> p.getStatus() == null ? null : p.getStatus().getPodIP());
        for (MeshService s : catalog.all()) {
            if (namespace.isPresent() && !namespace.get().equals(s.namespace())) {
                continue;
            }
            boolean instance;
            if (s.source().is(ResourceType.SERVICE)) {
                instance = !s.selector().isEmpty() && subset(s.selector(), labels);
            } else {
                instance = address.isPresent() && s.source().spec(ServiceEntry.class)
                        .map(se -> hasEndpoint(se, address.get())).orElse(false);
            }
            if (instance) {
                boolean disabled = labelsOf(s.source()).containsKey(DISABLE_PORT_TRANSLATION);
                for (ServicePort p : s.ports()) {
                    instances.add(new Instance(s, p, disabled));
                }
            }
        }
    }

    /**
     * The listener port of a server on {@code port} of a selector Gateway: the target port of the first
     * instance whose service port it is (instances of services labelled
     * {@code experimental.istio.io/disable-gateway-port-translation} skipped), or the port itself.
     */
    int legacyPort(int port) {
        return instances.stream()
                .filter(i -> !i.translationDisabled() && i.port().number() == port)
                .map(i -> i.port().targetPort())
                .findFirst().orElse(port);
    }

    /**
     * The listener ports of a server on {@code port} of a Gateway bound to {@code services} (annotation
     * {@code internal.istio.io/gateway-service}): every distinct target port of the instances of those services
     * in the Gateway's namespace with that service port; none when no service port matches.
     */
    List<Integer> servicePorts(int port, Set<String> services, String gatewayNamespace) {
        Set<Integer> out = new LinkedHashSet<>();
        for (Instance i : instances) {
            if (services.contains(i.service().host()) && i.service().namespace().equals(gatewayNamespace)
                    && i.port().number() == port) {
                out.add(i.port().targetPort());
            }
        }
        return List.copyOf(out);
    }

    /** Whether the proxy is an instance of one of {@code services}. */
    boolean instanceOfAny(Set<String> services) {
        return instances.stream().anyMatch(i -> services.contains(i.service().host()));
    }

    static boolean subset(Map<String, String> wanted, Map<String, String> labels) {
        if (labels == null) {
            return wanted.isEmpty();
        }
        return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    private static boolean hasEndpoint(ServiceEntry se, String address) {
        if (se.getEndpoints() == null) {
            return false;
        }
        for (WorkloadEntry e : se.getEndpoints()) {
            if (e != null && address.equals(e.getAddress())) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> labelsOf(Resource r) {
        Object meta = r.tree().get("metadata");
        if (meta instanceof Map<?, ?> m && m.get("labels") instanceof Map<?, ?> l) {
            return (Map<String, String>) l;
        }
        return Map.of();
    }
}
