package io.gwctl.translate.envoy.cluster;

import io.fabric8.istio.api.api.networking.v1alpha3.ServiceEntry;
import io.fabric8.istio.api.api.networking.v1alpha3.WorkloadEntry;
import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.translate.envoy.MeshService;
import io.gwctl.translate.envoy.ServicePort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The endpoints of a service port known from the input, as pilot's service registries produce them:
 * <ul>
 * <li>a Kubernetes Service: the ready addresses of the {@code Endpoints} object of the same name, on the
 * endpoint port named as the service port (or the only port when the service port has no name); the labels are
 * those of the Pod an address refers to, when the Pod is in the input (the Kubernetes controller's
 * {@code buildIstioEndpoint});</li>
 * <li>a ServiceEntry: its inline {@code endpoints} and the WorkloadEntries of its namespace its
 * {@code workloadSelector} selects, each on the port its {@code ports} map gives for the port's name, else the
 * service port's target port ({@code convertServiceEntryToInstances}, {@code convertWorkloadEntryToWorkloadInstance});</li>
 * <li>a DNS ServiceEntry without endpoints: its host name itself on the target port; an ExternalName Service:
 * its external name on the service port.</li>
 * </ul>
 */
final class ServiceEndpoints {

    /** One endpoint: where it listens, its labels, its weight (1 when unset). */
    record Endpoint(String address, int port, Map<String, String> labels, int weight) {

        Endpoint {
            Objects.requireNonNull(address, "address");
            labels = Map.copyOf(labels);
        }

        /** Whether it carries every label of {@code subset} (pilot's {@code labels.Instance.SubsetOf}). */
        boolean matches(Map<String, String> subset) {
            return subset.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
        }
    }

    private final List<Resource> resources;

    ServiceEndpoints(List<Resource> resources) {
        this.resources = resources;
    }

    /** The endpoints of {@code port} of {@code service}, hosts of DNS ServiceEntries included. */
    List<Endpoint> of(MeshService service, ServicePort port) {
        if (service.source().is(ResourceType.SERVICE)) {
            String external = service.source().as(Service.class)
                    .map(Service::getSpec).filter(s -> "ExternalName".equals(s.getType()))
                    .map(ServiceSpec::getExternalName).orElse(null);
            return external == null ? kubernetes(service, port)
                    : List.of(new Endpoint(external, port.number(), Map.of(), 1));
        }
        List<Endpoint> out = new ArrayList<>();
        ServiceEntry se = service.source().spec(ServiceEntry.class).orElse(null);
        if (se == null) {
            return out;
        }
        if (se.getEndpoints() != null) {
            for (WorkloadEntry we : se.getEndpoints()) {
                add(out, we, port);
            }
        }
        if (!service.selector().isEmpty()) {
            for (Resource r : resources) {
                if (r.is(ResourceType.WORKLOAD_ENTRY) && r.namespace().equals(service.namespace())) {
                    r.spec(WorkloadEntry.class).filter(we -> labels(we).entrySet().containsAll(service.selector().entrySet()))
                            .ifPresent(we -> add(out, we, port));
                }
            }
        }
        if (out.isEmpty() && se.getWorkloadSelector() == null && ClusterKind.of(service).isDns()) {
            out.add(new Endpoint(service.host(), port.targetPort(), Map.of(), 1));
        }
        return out;
    }

    private static Map<String, String> labels(WorkloadEntry we) {
        return we.getLabels() == null ? Map.of() : we.getLabels();
    }

    private static void add(List<Endpoint> out, WorkloadEntry we, ServicePort port) {
        if (we == null || we.getAddress() == null || we.getAddress().isEmpty()) {
            return;
        }
        int number = port.targetPort();
        if (we.getPorts() != null && we.getPorts().get(port.name()) != null) {
            number = we.getPorts().get(port.name()).intValue();
        }
        int weight = we.getWeight() == null || we.getWeight() == 0 ? 1 : we.getWeight().intValue();
        out.add(new Endpoint(we.getAddress(), number, labels(we), weight));
    }

    private List<Endpoint> kubernetes(MeshService service, ServicePort port) {
        List<Endpoint> out = new ArrayList<>();
        for (Resource r : resources) {
            if (!r.is(ResourceType.ENDPOINTS) || !r.namespace().equals(service.namespace())
                    || !r.name().equals(service.source().name())) {
                continue;
            }
            Endpoints eps = r.as(Endpoints.class).orElse(null);
            if (eps == null || eps.getSubsets() == null) {
                continue;
            }
            for (EndpointSubset subset : eps.getSubsets()) {
                Integer number = portOf(subset, port);
                if (number == null || subset.getAddresses() == null) {
                    continue;
                }
                for (EndpointAddress a : subset.getAddresses()) {
                    if (a != null && a.getIp() != null) {
                        out.add(new Endpoint(a.getIp(), number, podLabels(a, service.namespace()), 1));
                    }
                }
            }
        }
        return out;
    }

    private static Integer portOf(EndpointSubset subset, ServicePort port) {
        if (subset.getPorts() == null) {
            return null;
        }
        for (EndpointPort p : subset.getPorts()) {
            if (p != null && p.getPort() != null && port.name().equals(p.getName() == null ? "" : p.getName())) {
                return p.getPort();
            }
        }
        return null;
    }

    private Map<String, String> podLabels(EndpointAddress a, String namespace) {
        if (a.getTargetRef() == null || !"Pod".equals(a.getTargetRef().getKind()) || a.getTargetRef().getName() == null) {
            return Map.of();
        }
        String ns = a.getTargetRef().getNamespace() == null ? namespace : a.getTargetRef().getNamespace();
        for (Resource r : resources) {
            if (r.is(ResourceType.POD) && r.namespace().equals(ns) && r.name().equals(a.getTargetRef().getName())) {
                return r.as(Pod.class).map(p -> p.getMetadata() == null || p.getMetadata().getLabels() == null
                        ? Map.<String, String>of() : p.getMetadata().getLabels()).orElse(Map.of());
            }
        }
        return Map.of();
    }
}
