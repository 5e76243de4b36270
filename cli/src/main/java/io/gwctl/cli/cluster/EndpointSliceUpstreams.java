package io.gwctl.cli.cluster;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.gwctl.proxy.runtime.UpstreamOverride;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The upstreams a cluster's EndpointSlices give its Services' ports, as pilot's Kubernetes registry builds
 * endpoints from them (istio/istio {@code pilot/pkg/serviceregistry/kube/controller/endpointslice.go}):
 * <ul>
 * <li>a slice belongs to the Service its {@code kubernetes.io/service-name} label names, in its namespace;
 * slices of a multi-cluster service ({@code multicluster.kubernetes.io/service-name}) and slices of
 * {@code FQDN} addresses are skipped, as pilot skips them;</li>
 * <li>an endpoint counts when it is ready, a missing {@code ready} condition meaning ready (pilot's
 * {@code endpointHealthStatus}); not-ready endpoints are left out, as pilot leaves them out of EDS for a
 * Service that does not publish them;</li>
 * <li>each address serves a Service port on the slice port of the same name (an unnamed Service port takes the
 * unnamed slice port), the Service port being the one the {@code outbound|PORT||HOST} cluster names.</li>
 * </ul>
 * The upstreams carry no labels: a Pod's labels are not read, so each stands for every subset of its host.
 */
final class EndpointSliceUpstreams {

    static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";
    static final String MULTI_CLUSTER_SERVICE_NAME_LABEL = "multicluster.kubernetes.io/service-name";

    private EndpointSliceUpstreams() {
    }

    /**
     * @param domainSuffix the cluster domain of Service host names ({@code cluster.local})
     * @return the upstreams, ordered by host, port and address; one per address and port however many slices
     *         list it
     */
    static List<UpstreamOverride> of(Collection<Service> services, Collection<EndpointSlice> slices, String domainSuffix) {
        Map<String, Service> byName = new HashMap<>();
        for (Service s : services) {
            if (s.getMetadata() != null) {
                byName.put(s.getMetadata().getNamespace() + "/" + s.getMetadata().getName(), s);
            }
        }
        Set<UpstreamOverride> found = new LinkedHashSet<>();
        for (EndpointSlice slice : slices) {
            serviceOf(slice, byName).ifPresent(service -> add(found, service, slice, domainSuffix));
        }
        return found.stream()
                .sorted(Comparator.comparing(UpstreamOverride::host).thenComparingInt(UpstreamOverride::port)
                        .thenComparing(u -> u.address().getHostString()).thenComparingInt(u -> u.address().getPort()))
                .toList();
    }

    private static Optional<Service> serviceOf(EndpointSlice slice, Map<String, Service> services) {
        if (slice.getMetadata() == null || slice.getMetadata().getLabels() == null || "FQDN".equals(slice.getAddressType())) {
            return Optional.empty();
        }
        Map<String, String> labels = slice.getMetadata().getLabels();
        String name = labels.get(SERVICE_NAME_LABEL);
        if (name == null || labels.containsKey(MULTI_CLUSTER_SERVICE_NAME_LABEL)) {
            return Optional.empty();
        }
        return Optional.ofNullable(services.get(slice.getMetadata().getNamespace() + "/" + name));
    }

    private static void add(Set<UpstreamOverride> found, Service service, EndpointSlice slice, String domainSuffix) {
        if (service.getSpec() == null || service.getSpec().getPorts() == null || slice.getEndpoints() == null
                || slice.getPorts() == null) {
            return;
        }
        String host = service.getMetadata().getName() + "." + service.getMetadata().getNamespace() + ".svc." + domainSuffix;
        for (ServicePort servicePort : service.getSpec().getPorts()) {
            Optional<Integer> target = portNamed(slice, nameOf(servicePort.getName()));
            if (servicePort.getPort() == null || target.isEmpty()) {
                continue;
            }
            for (Endpoint endpoint : slice.getEndpoints()) {
                if (!ready(endpoint) || endpoint.getAddresses() == null) {
                    continue;
                }
                for (String address : endpoint.getAddresses()) {
                    found.add(new UpstreamOverride(host, servicePort.getPort(), new InetSocketAddress(address, target.get()),
                            Map.of()));
                }
            }
        }
    }

    private static Optional<Integer> portNamed(EndpointSlice slice, String name) {
        return slice.getPorts().stream()
                .filter(p -> p != null && p.getPort() != null && nameOf(p.getName()).equals(name))
                .map(EndpointPort::getPort)
                .findFirst();
    }

    private static boolean ready(Endpoint endpoint) {
        return endpoint.getConditions() == null || endpoint.getConditions().getReady() == null
                || endpoint.getConditions().getReady();
    }

    private static String nameOf(String name) {
        return name == null ? "" : name;
    }
}
