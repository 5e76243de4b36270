package io.gwctl.cli.proxyconfig;

import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import java.util.List;

/**
 * {@code proxy-config routes}: one row per route, as istioctl's verbose route table
 * ({@code istioctl/pkg/writer/envoy/configdump/route.go}): a virtual host without routes shows
 * {@code /*} and {@code 404}, because Envoy answers every request to it with 404.
 */
public final class RoutesTable {

    private RoutesTable() {
    }

    public static String render(List<RouteConfiguration> routes) {
        TextTable table = new TextTable("NAME", "VHOST NAME", "DOMAINS", "MATCH", "VIRTUAL SERVICE");
        for (RouteConfiguration config : routes) {
            for (VirtualHost vhost : config.getVirtualHostsList()) {
                String domains = domains(vhost.getDomainsList());
                if (vhost.getRoutesCount() == 0) {
                    table.add(config.getName(), vhost.getName(), domains, "/*", "404");
                }
                for (Route route : vhost.getRoutesList()) {
                    table.add(config.getName(), vhost.getName(), domains, match(route.getMatch()),
                            IstioMetadata.configName(route.getMetadata()));
                }
            }
        }
        return table.render();
    }

    /** At most two domains, then {@code + N more...}, as istioctl abbreviates them. */
    static String domains(List<String> domains) {
        if (domains.size() <= 2) {
            return String.join(", ", domains);
        }
        return domains.get(0) + ", " + domains.get(1) + " + " + (domains.size() - 2) + " more...";
    }

    static String match(RouteMatch match) {
        return switch (match.getPathSpecifierCase()) {
            case PREFIX -> match.getPrefix() + "*";
            case PATH -> match.getPath();
            case SAFE_REGEX -> "regex " + match.getSafeRegex().getRegex();
            case PATH_SEPARATED_PREFIX -> "PathPrefix:" + match.getPathSeparatedPrefix();
            default -> "/*";
        };
    }
}
