package io.gwctl.model.legacy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/**
 * A reference to a service, and optionally to the subset of its instances that carry some labels
 * ({@code IstioService} in route_rule.proto). A service is named either by {@code name} (a short name,
 * completed with {@code namespace} and {@code domain}) or by {@code service} (a fully qualified name,
 * or for an EgressRule a wildcard domain or an IPv4 CIDR block).
 *
 * @param name      short service name, or empty
 * @param namespace namespace of a short name, or empty (the rule's namespace)
 * @param domain    domain suffix of a short name, or empty (the mesh's)
 * @param service   fully qualified name, or empty
 * @param labels    instance labels selecting a version; empty for all instances
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IstioService(String name, String namespace, String domain, String service, Map<String, String> labels) {

    public IstioService {
        name = ProtoDefaults.string(name);
        namespace = ProtoDefaults.string(namespace);
        domain = ProtoDefaults.string(domain);
        service = ProtoDefaults.string(service);
        labels = ProtoDefaults.map(labels);
    }

    /** The host this reference names as written: {@code service} when set, else {@code name}. */
    public String host() {
        return service.isEmpty() ? name : service;
    }
}
