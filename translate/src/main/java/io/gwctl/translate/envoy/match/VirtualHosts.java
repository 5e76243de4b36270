package io.gwctl.translate.envoy.match;

import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import java.util.List;
import java.util.Locale;

/**
 * Envoy's virtual host selection by host: an exact domain first, then the longest suffix wildcard
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

    static VirtualHost select(RouteConfiguration config, String requestHost, List<String> steps) {
        String host = requestHost == null ? "" : requestHost.toLowerCase(Locale.ROOT);
        if (config.getIgnorePortInHostMatching()) {
            host = Hosts.withoutPort(host);
        }
        Match best = null;
        Match[] perHost = new Match[config.getVirtualHostsCount()];
        for (int i = 0; i < config.getVirtualHostsCount(); i++) {
            VirtualHost vh = config.getVirtualHosts(i);
            for (String domain : vh.getDomainsList()) {
                Match m = match(vh, domain.toLowerCase(Locale.ROOT), host);
                if (m != null && m.betterThan(perHost[i])) {
                    perHost[i] = m;
                }
            }
            if (perHost[i] != null && perHost[i].betterThan(best)) {
                best = perHost[i];
            }
        }
        for (int i = 0; i < config.getVirtualHostsCount(); i++) {
            VirtualHost vh = config.getVirtualHosts(i);
            Match m = perHost[i];
            if (m == null) {
                steps.add("virtual host %s: %s not match host %s".formatted(vh.getName(),
                        vh.getDomainsCount() == 1 ? "domain " + vh.getDomains(0) + " does"
                                : "domains " + vh.getDomainsList() + " do", host));
            } else if (m == best) {
                steps.add("virtual host %s: domain %s matches host %s %s".formatted(vh.getName(), m.domain, host,
                        m.how()));
            } else {
                steps.add("virtual host %s: domain %s matches host %s %s, but virtual host %s matches it better"
                        .formatted(vh.getName(), m.domain, host, m.how(), best.virtualHost.getName()));
            }
        }
        return best == null ? null : best.virtualHost;
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
