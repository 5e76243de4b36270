package io.gwctl.validate.rules.serviceentry;

import io.fabric8.istio.api.api.networking.v1alpha3.ServiceEntry;
import io.fabric8.istio.api.api.networking.v1alpha3.ServiceEntryLocation;
import io.fabric8.istio.api.api.networking.v1alpha3.ServiceEntryResolution;
import io.fabric8.istio.api.api.networking.v1alpha3.ServicePort;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import io.gwctl.validate.rules.protocol.Protocol;
import java.util.List;
import java.util.Set;

/**
 * DYNAMIC_DNS resolution (Envoy's dynamic forward proxy) resolves whatever name a request carries under
 * wildcard hosts: every host is a wildcard, there are no addresses or endpoints, ports speak HTTP, HTTP2,
 * GRPC or TLS, and MESH_INTERNAL does not work through a waypoint. Istio: {@code ValidateServiceEntry}
 * ("host must be wildcarded for resolution mode %s", "addresses cannot be set for resolution type %s. …",
 * "endpoints cannot be set for resolution type %s. …",
 * "only HTTP, TLS, GRPC, and HTTP2 protocols are supported for resolution type %s",
 * "location MESH_INTERNAL with resolution type %s is not supported when using waypoints"). The address and
 * endpoint messages keep Istio's text as is, missing space included.
 *
 * <p>Istio also refuses locations other than MESH_EXTERNAL and MESH_INTERNAL; those are the only two
 * values the schema allows, so that check cannot fail here.
 */
final class DynamicDnsResolutionRule implements ResourceRule {

    private static final Set<Protocol> SUPPORTED = Set.of(Protocol.HTTP, Protocol.TLS, Protocol.GRPC, Protocol.HTTP2);

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.SERVICE_ENTRY);
    }

    @Override
    public void check(RuleContext context) {
        ServiceEntry entry = context.spec(ServiceEntry.class);
        ServiceEntryResolution resolution = Resolutions.of(entry);
        if (resolution != ServiceEntryResolution.DYNAMIC_DNS) {
            return;
        }
        String mode = resolution.name();
        List<String> hosts = entry.getHosts() == null ? List.of() : entry.getHosts();
        if (hosts.isEmpty()) {
            context.report(ServiceEntryCodes.DYNAMIC_DNS, ServiceEntryPaths.HOSTS,
                    "at least one wildcard host must be provided for resolution type %s", mode);
        }
        for (int i = 0; i < hosts.size(); i++) {
            if (hosts.get(i) == null || !hosts.get(i).startsWith("*")) {
                context.report(ServiceEntryCodes.DYNAMIC_DNS, ServiceEntryPaths.host(i),
                        "host must be wildcarded for resolution mode %s", mode);
            }
        }
        if (entry.getAddresses() != null && !entry.getAddresses().isEmpty()) {
            context.report(ServiceEntryCodes.DYNAMIC_DNS, ServiceEntryPaths.ADDRESSES,
                    "addresses cannot be set for resolution type %s. HTTP route domains will only be generated"
                            + "from the hosts field values", mode);
        }
        if (entry.getEndpoints() != null && !entry.getEndpoints().isEmpty()) {
            context.report(ServiceEntryCodes.DYNAMIC_DNS, ServiceEntryPaths.ENDPOINTS,
                    "endpoints cannot be set for resolution type %s. Destination IP address determined from hosts"
                            + "field values", mode);
        }
        List<ServicePort> ports = entry.getPorts() == null ? List.of() : entry.getPorts();
        for (int i = 0; i < ports.size(); i++) {
            ServicePort port = ports.get(i);
            if (port != null && !SUPPORTED.contains(Protocol.parse(port.getProtocol()))) {
                context.report(ServiceEntryCodes.DYNAMIC_DNS, ServiceEntryPaths.port(i) + ".protocol",
                        "only HTTP, TLS, GRPC, and HTTP2 protocols are supported for resolution type %s", mode);
            }
        }
        if (entry.getLocation() == ServiceEntryLocation.MESH_INTERNAL && usesWaypoint(context)) {
            context.report(ServiceEntryCodes.DYNAMIC_DNS, ServiceEntryPaths.LOCATION,
                    "location MESH_INTERNAL with resolution type %s is not supported when using waypoints", mode);
        }
    }

    private static boolean usesWaypoint(RuleContext context) {
        String waypoint = ObjectLabels.of(context.resource()).get(ObjectLabels.USE_WAYPOINT);
        return waypoint != null && !waypoint.isEmpty() && !waypoint.equalsIgnoreCase("none");
    }
}
