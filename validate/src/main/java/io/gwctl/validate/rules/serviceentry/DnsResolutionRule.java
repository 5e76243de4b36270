package io.gwctl.validate.rules.serviceentry;

import io.fabric8.istio.api.api.networking.v1alpha3.ServiceEntry;
import io.fabric8.istio.api.api.networking.v1alpha3.ServiceEntryResolution;
import io.fabric8.istio.api.api.networking.v1alpha3.ServicePort;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import io.gwctl.validate.rules.names.DnsNames;
import io.gwctl.validate.rules.protocol.Protocol;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * With DNS or DNS_ROUND_ROBIN resolution and no endpoints, Istio resolves the hosts themselves, so they
 * must be plain names (no wildcard); DNS_ROUND_ROBIN takes at most one endpoint; and a TCP port with fixed
 * addresses cannot tell several hosts apart (a warning). Istio: {@code ValidateServiceEntry}
 * ("hosts must be FQDN or contain only prefix wildcards if no endpoints are provided for resolution mode %s, %v",
 * "there must only be 0 or 1 endpoint for resolution mode %s",
 * "service entry can not have more than one host specified simultaneously with address and tcp port").
 * Like Istio, only the first host that is not a name is reported.
 *
 * <p>The CRD's CEL rule "DNS_ROUND_ROBIN mode cannot have multiple endpoints" rejects the same.
 */
final class DnsResolutionRule implements ResourceRule {

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.SERVICE_ENTRY);
    }

    @Override
    public void check(RuleContext context) {
        ServiceEntry entry = context.spec(ServiceEntry.class);
        ServiceEntryResolution resolution = Resolutions.of(entry);
        if (!Resolutions.isDns(resolution)) {
            return;
        }
        int endpoints = entry.getEndpoints() == null ? 0 : entry.getEndpoints().size();
        List<String> hosts = entry.getHosts() == null ? List.of() : entry.getHosts();
        if (endpoints == 0) {
            for (int i = 0; i < hosts.size(); i++) {
                Optional<String> notFqdn = DnsNames.checkFqdn(hosts.get(i) == null ? "" : hosts.get(i));
                if (notFqdn.isPresent()) {
                    context.report(ServiceEntryCodes.DNS_HOSTS, ServiceEntryPaths.host(i),
                            "hosts must be FQDN or contain only prefix wildcards if no endpoints are provided for "
                                    + "resolution mode %s, %s", resolution.name(), notFqdn.get());
                    break;
                }
            }
        }
        if (resolution == ServiceEntryResolution.DNS_ROUND_ROBIN && endpoints > 1) {
            context.report(ServiceEntryCodes.DNS_ROUND_ROBIN_ENDPOINTS, ServiceEntryPaths.ENDPOINTS,
                    "there must only be 0 or 1 endpoint for resolution mode %s", resolution.name());
        }
        boolean addresses = entry.getAddresses() != null && !entry.getAddresses().isEmpty();
        if (addresses && hosts.size() > 1 && servesTcp(entry.getPorts())) {
            context.report(ServiceEntryCodes.DNS_MULTIPLE_HOSTS_TCP, ServiceEntryPaths.HOSTS,
                    "service entry can not have more than one host specified simultaneously with address and tcp port");
        }
    }

    private static boolean servesTcp(List<ServicePort> ports) {
        return ports != null && ports.stream().anyMatch(p -> p != null && Protocol.parse(p.getProtocol()).isTcp());
    }
}
