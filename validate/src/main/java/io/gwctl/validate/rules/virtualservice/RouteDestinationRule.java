package io.gwctl.validate.rules.virtualservice;

import io.fabric8.istio.api.api.networking.v1alpha3.Destination;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMirrorPolicy;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteDestination;
import io.fabric8.istio.api.api.networking.v1alpha3.RouteDestination;
import io.fabric8.istio.api.api.networking.v1alpha3.TCPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.TLSRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.VirtualService;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import io.gwctl.validate.rules.names.DnsNames;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Where traffic goes: every route destination and mirror names a destination whose host is a domain name
 * (not {@code *}), whose subset is a DNS label and whose port is in range; weights are not negative, and
 * several destinations do not all weigh 0 (there is no "sum to 100" check). Istio
 * {@code validateHTTPRouteDestinations}, {@code validateRouteDestinations}, {@code validateDestination},
 * {@code validateHTTPMirrors}.
 */
final class RouteDestinationRule implements ResourceRule {

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.VIRTUAL_SERVICE);
    }

    @Override
    public void check(RuleContext context) {
        VirtualService vs = context.spec(VirtualService.class);
        List<HTTPRoute> http = ZeroValues.list(vs.getHttp());
        for (int i = 0; i < http.size(); i++) {
            HTTPRoute route = http.get(i);
            if (route == null) {
                continue;
            }
            String path = VirtualServicePaths.http(i);
            destinations(context, route.getRoute(), HTTPRouteDestination::getDestination,
                    HTTPRouteDestination::getWeight, path);
            destination(context, route.getMirror(), VirtualServicePaths.field(path, "mirror"));
            mirrors(context, route.getMirrors(), path);
        }
        List<TLSRoute> tls = ZeroValues.list(vs.getTls());
        for (int i = 0; i < tls.size(); i++) {
            if (tls.get(i) != null) {
                destinations(context, tls.get(i).getRoute(), RouteDestination::getDestination, RouteDestination::getWeight,
                        VirtualServicePaths.tls(i));
            }
        }
        List<TCPRoute> tcp = ZeroValues.list(vs.getTcp());
        for (int i = 0; i < tcp.size(); i++) {
            if (tcp.get(i) != null) {
                destinations(context, tcp.get(i).getRoute(), RouteDestination::getDestination, RouteDestination::getWeight,
                        VirtualServicePaths.tcp(i));
            }
        }
    }

    private static <D> void destinations(RuleContext context, List<D> route, Function<D, Destination> destinationOf,
            Function<D, Integer> weightOf, String rule) {
        List<D> destinations = ZeroValues.list(route);
        int total = 0;
        for (int k = 0; k < destinations.size(); k++) {
            D d = destinations.get(k);
            String path = VirtualServicePaths.route(rule, k);
            if (d == null) {
                context.report(VirtualServiceCodes.ROUTE_WEIGHT, path, "weight may not be nil");
                continue;
            }
            Destination destination = destinationOf.apply(d);
            if (destination == null) {
                context.report(VirtualServiceCodes.DESTINATION_REQUIRED, path, "destination is required");
            }
            destination(context, destination, VirtualServicePaths.field(path, "destination"));
            int weight = (int) ZeroValues.number(weightOf.apply(d));
            if (weight < 0) {
                context.report(VirtualServiceCodes.ROUTE_WEIGHT, VirtualServicePaths.field(path, "weight"),
                        "weight " + weight + " < 0");
            }
            total += weight;
        }
        if (destinations.size() > 1 && total == 0) {
            context.report(VirtualServiceCodes.ROUTE_WEIGHT, VirtualServicePaths.field(rule, "route"),
                    "total destination weight = 0");
        }
    }

    private static void mirrors(RuleContext context, List<HTTPMirrorPolicy> policies, String rule) {
        List<HTTPMirrorPolicy> mirrors = ZeroValues.list(policies);
        for (int k = 0; k < mirrors.size(); k++) {
            String path = VirtualServicePaths.mirror(rule, k);
            if (mirrors.get(k) == null) {
                context.report(VirtualServiceCodes.DESTINATION_REQUIRED, path, "mirror cannot be null");
            } else if (mirrors.get(k).getDestination() == null) {
                context.report(VirtualServiceCodes.DESTINATION_REQUIRED, path, "destination is required for mirrors");
            } else {
                destination(context, mirrors.get(k).getDestination(), VirtualServicePaths.field(path, "destination"));
            }
        }
    }

    private static void destination(RuleContext context, Destination destination, String path) {
        if (destination == null) {
            return;
        }
        String host = ZeroValues.text(destination.getHost());
        String hostPath = VirtualServicePaths.field(path, "host");
        if (host.equals("*")) {
            context.report(VirtualServiceCodes.DESTINATION, hostPath, "invalid destination host *");
        } else {
            DnsNames.checkWildcardDomain(host).ifPresent(m -> context.report(VirtualServiceCodes.DESTINATION, hostPath, m));
        }
        String subset = ZeroValues.text(destination.getSubset());
        if (!subset.isEmpty() && !DnsNames.isLabel(subset)) {
            context.report(VirtualServiceCodes.DESTINATION, VirtualServicePaths.field(path, "subset"),
                    "subset name is invalid: " + subset);
        }
        if (destination.getPort() != null) {
            String at = VirtualServicePaths.field(VirtualServicePaths.field(path, "port"), "number");
            PortRange.check(ZeroValues.number(destination.getPort().getNumber()))
                    .ifPresent(m -> context.report(VirtualServiceCodes.DESTINATION, at, m));
        }
    }
}
