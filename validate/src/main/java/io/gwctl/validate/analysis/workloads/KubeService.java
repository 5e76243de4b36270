package io.gwctl.validate.analysis.workloads;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Kubernetes Service as the analyzers need it.
 *
 * @param namespace   its namespace
 * @param name        its name
 * @param selector    the pods it selects
 * @param ports       its ports, in order
 * @param annotations its annotations ({@code networking.istio.io/exportTo} among them)
 */
public record KubeService(String namespace, String name, LabelSelector selector, List<Port> ports,
        Map<String, String> annotations) {

    public KubeService {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(selector, "selector");
        ports = List.copyOf(ports);
        annotations = Map.copyOf(annotations);
    }

    /**
     * One Service port.
     *
     * @param name       its name, or empty
     * @param port       the port the Service exposes
     * @param targetPort the numeric target port, or 0 when it is unset or names a container port
     * @param protocol   {@code TCP} when unset, as the API server defaults it
     */
    public record Port(String name, int port, int targetPort, String protocol) {

        public Port {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(protocol, "protocol");
        }
    }
}
