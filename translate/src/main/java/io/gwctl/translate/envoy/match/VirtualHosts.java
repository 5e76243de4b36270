package io.gwctl.translate.envoy.match;

import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import java.util.List;
import java.util.Locale;

/**
 * How the trace explains virtual host selection; the choice itself is {@link RouteTable}'s. Envoy's virtual
 * host selection by host: an exact domain first, then the longest suffix wildcard
 * ({@code *.foo.com}, {@code *foo.com}), then the longest prefix wildcard ({@code foo.*}), then {@code *}.
 * Hosts and domains compare case-insensitively, a wildcard must match at least one character, and the
 * host's port is part of the comparison (so {@code foo.com:80} matches the domain {@code foo.com:80}) unless
 * {@code ignore_port_in_host_matching} is set. Follows {@code RouteMatcher::findVirtualHost} and
 * {@code findWildcardVirtualHost} in envoyproxy/envoy {@code source/common/router/config_impl.cc}.
 */
final class VirtualHosts {

    private VirtualHosts() {
    }

    /** How well one domain matches: lower kind is better, then the longer domain. */
    private record Match(VirtualHost virtualHost, String domain, int kind, int length) {

        boolean betterThan(Match other) {
            return other == null || kind < other.kind || kind == other.kind && length > other.length;
        }

        String how() {
            return switch (kind) {
                case 0 -> "exactly";
                case 1 -> "as a suffix wildcard";
                case 2 -> "as a prefix wildcard";
                default -> "as the default *";
            };
        }
    }

    /**
     * The virtual host {@code table} picks for {@code requestHost}, with a step per virtual host saying how
     * its domains compare with the host.
     */
    static CompiledVirtualHost select(RouteTable table, String requestHost, List<String> steps) {
        RouteConfiguration config = table.config();
        String host = requestHost == null ? "" : requestHost.toLowerCase(Locale.ROOT);
        if (config.getIgnorePortInHostMatching()) {
            host = Hosts.withoutPort(host);
        }
        CompiledVirtualHost chosen = table.virtualHost(requestHost);
        for (CompiledVirtualHost compiled : table.virtualHosts()) {
            VirtualHost vh = compiled.proto();
            Match m = null;
            for (String domain : vh.getDomainsList()) {
                Match candidate = match(vh, domain.toLowerCase(Locale.ROOT), host);
                if (candidate != null && candidate.betterThan(m)) {
                    m = candidate;
                }
            }
            if (m == null) {
                steps.add("virtual host %s: %s not match host %s".formatted(vh.getName(),
                        vh.getDomainsCount() == 1 ? "domain " + vh.getDomains(0) + " does"
                                : "domains " + vh.getDomainsList() + " do", host));
            } else if (compiled == chosen) {
                steps.add("virtual host %s: domain %s matches host %s %s".formatted(vh.getName(), m.domain, host,
                        m.how()));
            } else {
                steps.add("virtual host %s: domain %s matches host %s %s, but virtual host %s matches it better"
                        .formatted(vh.getName(), m.domain, host, m.how(), chosen.proto().getName()));
            }
        }
        return chosen;
    }

    private static Match match(VirtualHost vh, String domain, String host) {
        if (domain.equals("*")) {
            return new Match(vh, domain, 3, 1);
        }
        if (domain.equals(host)) {
            return new Match(vh, domain, 0, domain.length());
        }
        if (domain.startsWith("*")) {
            String suffix = domain.substring(1);
            return host.length() > suffix.length() && host.endsWith(suffix)
                    ? new Match(vh, domain, 1, suffix.length()) : null;
        }
        if (domain.endsWith("*")) {
            String prefix = domain.substring(0, domain.length() - 1);
            return host.length() > prefix.length() && host.startsWith(prefix)
                    ? new Match(vh, domain, 2, prefix.length()) : null;
        }
        return null;
    }
}
