package io.gwctl.validate.analysis.hosts;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A service a host can resolve to: a Kubernetes Service, or a ServiceEntry (Istio's analyzers turn
 * Services into ServiceEntries the same way, {@code InitServiceEntryHostMap}).
 *
 * @param origin           {@code Service ns/name} or {@code ServiceEntry ns/name}, for messages
 * @param ports            its ports, in order
 * @param workloadSelector the ServiceEntry's workload selector; empty for a Service
 * @param endpointLabels   the labels of a ServiceEntry's inline endpoints
 */
public record MeshService(String origin, List<Port> ports, Map<String, String> workloadSelector,
        List<Map<String, String>> endpointLabels) {

    public MeshService {
        Objects.requireNonNull(origin, "origin");
        ports = List.copyOf(ports);
        workloadSelector = Map.copyOf(workloadSelector);
        endpointLabels = List.copyOf(endpointLabels);
    }

    /** The port numbers, in order. */
    public List<Integer> portNumbers() {
        return ports.stream().map(Port::number).toList();
    }

    /**
     * One port.
     *
     * @param number   the port number
     * @param name     its name, or empty
     * @param protocol its protocol as written, or empty
     */
    public record Port(int number, String name, String protocol) {

        public Port {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(protocol, "protocol");
        }
    }
}
