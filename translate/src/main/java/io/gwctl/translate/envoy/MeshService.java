package io.gwctl.translate.envoy;

import io.gwctl.model.resource.Resource;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A service the gateway can route to: a Kubernetes Service or a ServiceEntry host.
 *
 * @param host      its fully qualified name ({@code httpbin.default.svc.cluster.local}, {@code api.example.com})
 * @param namespace the namespace of the object that defines it
 * @param ports     its ports
 * @param selector  the pod labels it selects (a Service's selector, a ServiceEntry's workloadSelector), or empty
 * @param exportTo  the namespaces it is exported to
 * @param source    the defining object
 */
public record MeshService(String host, String namespace, List<ServicePort> ports, Map<String, String> selector,
        ExportTo exportTo, Resource source) {

    public MeshService {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(namespace, "namespace");
        ports = List.copyOf(ports);
        selector = Map.copyOf(selector);
        Objects.requireNonNull(exportTo, "exportTo");
        Objects.requireNonNull(source, "source");
    }
}
