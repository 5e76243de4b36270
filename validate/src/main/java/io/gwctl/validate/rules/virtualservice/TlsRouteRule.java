package io.gwctl.validate.rules.virtualservice;

import io.fabric8.istio.api.api.networking.v1alpha3.TLSMatchAttributes;
import io.fabric8.istio.api.api.networking.v1alpha3.TLSRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.VirtualService;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.diagnostic.GoFormat;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import io.gwctl.validate.rules.names.DnsNames;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * TLS routes select traffic by SNI, so each has matches, each match has SNI hosts, each SNI host is a valid
 * (wildcard) domain covered by one of the VirtualService's hosts ({@code a.example.com} by
 * {@code *.example.com}), and the route has destinations. An IP address as SNI host is only a warning.
 * Istio {@code validateTLSRoute}, {@code validateTLSMatch}, {@code validateSniHost}; match ports, labels and
 * subnets are checked by {@link MatchAttributesRule}.
 */
final class TlsRouteRule implements ResourceRule {

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.VIRTUAL_SERVICE);
    }

    @Override
    public void check(RuleContext context) {
        VirtualService vs = context.spec(VirtualService.class);
        List<TLSRoute> tls = ZeroValues.list(vs.getTls());
        for (int i = 0; i < tls.size(); i++) {
            TLSRoute route = tls.get(i);
            if (route == null) {
                continue;
            }
            String path = VirtualServicePaths.tls(i);
            List<TLSMatchAttributes> matches = ZeroValues.list(route.getMatch());
            if (matches.isEmpty()) {
                context.report(VirtualServiceCodes.TLS_ROUTE, path, "TLS route must have at least one match condition");
            }
            for (int j = 0; j < matches.size(); j++) {
                String matchPath = VirtualServicePaths.match(path, j);
                TLSMatchAttributes match = matches.get(j);
                if (match == null) {
                    context.report(VirtualServiceCodes.TLS_ROUTE, matchPath, "TLS match may not be null");
                    continue;
                }
                List<String> sniHosts = ZeroValues.list(match.getSniHosts());
                if (sniHosts.isEmpty()) {
                    context.report(VirtualServiceCodes.TLS_ROUTE, matchPath, "TLS match must have at least one SNI host");
                }
                for (int k = 0; k < sniHosts.size(); k++) {
                    sniHost(context, vs, ZeroValues.text(sniHosts.get(k)),
                            VirtualServicePaths.item(VirtualServicePaths.field(matchPath, "sniHosts"), k));
                }
            }
            if (ZeroValues.list(route.getRoute()).isEmpty()) {
                context.report(VirtualServiceCodes.TLS_ROUTE, path, "TLS route is required");
            }
        }
    }

    private static void sniHost(RuleContext context, VirtualService vs, String sni, String path) {
        Optional<String> problem = HostNames.notMesh(vs)
                ? HostNames.checkBoundToGateway(true, sni)
                : DnsNames.checkWildcardDomain(sni);
        if (problem.isPresent()) {
            if (DnsNames.isIp(sni)) {
                context.report(VirtualServiceCodes.SNI_IP, path, "using an IP address (" + GoFormat.quote(sni)
                        + ") goes against SNI spec and most clients do not support this");
            } else {
                context.report(VirtualServiceCodes.SNI_HOST, path, problem.get());
            }
            return;
        }
        List<String> hosts = ZeroValues.list(vs.getHosts()).stream().map(ZeroValues::text).toList();
        if (hosts.stream().noneMatch(host -> HostNames.subsetOf(sni, host))) {
            context.report(VirtualServiceCodes.SNI_HOST, path, "SNI host " + GoFormat.quote(sni)
                    + " is not a compatible subset of any of the virtual service hosts: [" + String.join(", ", hosts) + "]");
        }
    }
}
