package io.gwctl.translate.envoy.match;

import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import java.util.List;

/**
 * Why each virtual host of a route configuration was or was not chosen for a host, for the trace. The choice
 * itself is {@link RouteTable#virtualHost}'s; this names, per virtual host, the domain that matches best by the
 * same precedence (exact, longest suffix wildcard, longest prefix wildcard, {@code *}), or says none does.
 */
final class VirtualHosts {

    private VirtualHosts() {
    }

    /**
     * Adds one step per virtual host.
     *
     * @param table  the compiled route configuration
     * @param host   the host as given to {@link RouteTable#virtualHost}
     * @param chosen what {@link RouteTable#virtualHost} chose for it, or null
     * @param steps  where the steps go
     */
    static void explain(RouteTable table, String host, CompiledVirtualHost chosen, List<String> steps) {
        String matched = table.hostForMatching(host);
        for (CompiledVirtualHost vh : table.virtualHosts()) {
            VirtualHost proto = vh.proto();
            Domain best = bestDomain(vh, matched);
            if (best == null) {
                steps.add("virtual host %s: %s not match host %s".formatted(proto.getName(),
                        proto.getDomainsCount() == 1 ? "domain " + proto.getDomains(0) + " does"
                                : "domains " + proto.getDomainsList() + " do", matched));
            } else if (vh == chosen) {
                steps.add("virtual host %s: domain %s matches host %s %s".formatted(proto.getName(), best.text(),
                        matched, best.kind().how()));
            } else {
                steps.add("virtual host %s: domain %s matches host %s %s, but virtual host %s matches it better"
                        .formatted(proto.getName(), best.text(), matched, best.kind().how(),
                                chosen == null ? "(none)" : chosen.proto().getName()));
            }
        }
    }

    private static Domain bestDomain(CompiledVirtualHost vh, String host) {
        Domain best = null;
        for (Domain d : vh.domains()) {
            if (d.matches(host) && d.betterThan(best)) {
                best = d;
            }
        }
        return best;
    }
}
