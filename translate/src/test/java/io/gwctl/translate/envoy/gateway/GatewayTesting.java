package io.gwctl.translate.envoy.gateway;

import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequest;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchPrefix;
import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceReader;
import io.gwctl.model.source.ConfigSet;
import io.gwctl.model.source.InMemorySource;
import io.gwctl.translate.envoy.ClusterName;
import io.gwctl.translate.envoy.GatewayOptions;
import io.gwctl.translate.envoy.ShortNames;
import io.gwctl.translate.envoy.route.HttpRouteInput;
import java.util.List;
import java.util.Optional;

/** Reads YAML and translates it with a stand-in for the HTTP route translation. */
final class GatewayTesting {

    private GatewayTesting() {
    }

    static List<Resource> read(String yaml) {
        return ConfigSet.load(List.of(new InMemorySource("gateway.yaml", yaml)), new ResourceReader("default"))
                .resources();
    }

    static GatewayConfig translate(String yaml, GatewayOptions options) {
        return new GatewayTranslator().translate(read(yaml), options, GatewayTesting::firstDestination);
    }

    /**
     * A route matching the prefix of its match ({@code /} without one) and going to the cluster of its first
     * destination, on the listener's port when the destination names none.
     */
    static Optional<Route.Builder> firstDestination(HttpRouteInput in) {
        String prefix = "/";
        List<HTTPMatchRequest> matches = in.route().getMatch();
        if (matches != null && !matches.isEmpty() && matches.get(0).getUri() != null
                && matches.get(0).getUri().getMatchType() instanceof StringMatchPrefix p) {
            prefix = p.getPrefix();
        }
        Route.Builder route = Route.newBuilder().setMatch(RouteMatch.newBuilder().setPrefix(prefix));
        if (in.route().getRoute() == null || in.route().getRoute().isEmpty()) {
            return Optional.of(route);
        }
        var d = in.route().getRoute().get(0).getDestination();
        int port = d.getPort() != null && d.getPort().getNumber() != null ? d.getPort().getNumber().intValue()
                : in.listenerPort();
        String host = ShortNames.fqdn(d.getHost(), in.virtualService().namespace(), in.domainSuffix());
        return Optional.of(route.setRoute(RouteAction.newBuilder()
                .setCluster(ClusterName.outbound(port, d.getSubset(), host).toString())));
    }

    /** Whether an Envoy domain list would serve {@code host} (exact, {@code *.suffix}, {@code prefix*}, {@code *}). */
    static boolean serves(List<String> domains, String host) {
        String h = host.toLowerCase(java.util.Locale.ROOT);
        for (String d : domains) {
            String ld = d.toLowerCase(java.util.Locale.ROOT);
            if (ld.equals("*") || ld.equals(h)
                    || ld.startsWith("*") && h.endsWith(ld.substring(1)) && h.length() > ld.length() - 1
                    || ld.endsWith("*") && h.startsWith(ld.substring(0, ld.length() - 1))) {
                return true;
            }
        }
        return false;
    }
}
