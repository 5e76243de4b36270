package io.gwctl.validate.rules.virtualservice;

import io.fabric8.istio.api.api.networking.v1alpha3.VirtualService;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import io.gwctl.validate.rules.names.DnsNames;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The hosts a VirtualService serves: each a domain name whose first label may be a wildcard (IP addresses
 * pass), not {@code *} when the mesh uses the VirtualService, and no two overlapping ({@code *.foo.com} and
 * {@code a.foo.com} are duplicates). Istio {@code ValidateVirtualService}; duplicates are only looked for when
 * every host is valid, as Istio does.
 */
final class HostsRule implements ResourceRule {

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.VIRTUAL_SERVICE);
    }

    @Override
    public void check(RuleContext context) {
        VirtualService vs = context.spec(VirtualService.class);
        List<String> hosts = ZeroValues.list(vs.getHosts()).stream().map(ZeroValues::text).toList();
        boolean gateways = HostNames.boundToGateways(vs);
        boolean sni = HostNames.hasSniHosts(vs);
        boolean allValid = true;
        for (int i = 0; i < hosts.size(); i++) {
            String host = hosts.get(i);
            Optional<String> problem = gateways
                    ? HostNames.checkBoundToGateway(sni, host)
                    : DnsNames.checkWildcardDomain(host);
            if (problem.isPresent()) {
                if (!DnsNames.isIp(host)) {
                    context.report(VirtualServiceCodes.HOST, VirtualServicePaths.host(i), problem.get());
                    allValid = false;
                }
            } else if (!gateways && host.equals("*")) {
                context.report(VirtualServiceCodes.MESH_WILDCARD_HOST, VirtualServicePaths.host(i),
                        "wildcard host * is not allowed for virtual services bound to the mesh gateway");
                allValid = false;
            }
        }
        if (!allValid) {
            return;
        }
        for (int i = 0; i < hosts.size(); i++) {
            for (int j = i + 1; j < hosts.size(); j++) {
                if (HostNames.matches(hosts.get(i), hosts.get(j))) {
                    context.report(VirtualServiceCodes.DUPLICATE_HOST, VirtualServicePaths.host(j),
                            "duplicate hosts in virtual service: " + hosts.get(i) + " & " + hosts.get(j));
                }
            }
        }
    }
}
