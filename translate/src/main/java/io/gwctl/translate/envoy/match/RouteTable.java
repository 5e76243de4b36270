package io.gwctl.translate.envoy.match;

import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A route configuration prepared for matching, immutable and shared by every request: virtual hosts indexed
 * by domain as Envoy's {@code RouteMatcher} indexes them (envoyproxy/envoy
 * {@code source/common/router/config_impl.cc}): a hash map of exact domains, suffix wildcards
 * ({@code *.foo.com}, {@code *foo.com}) and prefix wildcards ({@code foo.*}) grouped by length, longest
 * first, each group a hash map, and the default {@code *}. Finding the virtual host of a host takes a hash
 * lookup per distinct wildcard length, never a scan of the virtual hosts, so 10,000 of them cost what ten do.
 *
 * <p>Precedence, from {@code RouteMatcher::findVirtualHost}: an exact domain, then the longest suffix
 * wildcard, then the longest prefix wildcard, then {@code *}. Hosts and domains compare case-insensitively; a
 * wildcard stands for at least one character; the host's port takes part unless
 * {@code ignore_port_in_host_matching} is set. Where two virtual hosts claim the same domain (a config Envoy
 * would reject), the first keeps it.
 */
public final class RouteTable {

    private final RouteConfiguration config;
    private final List<CompiledVirtualHost> virtualHosts;
    private final Map<String, CompiledVirtualHost> exact = new HashMap<>();
    /** Suffix wildcards by the length of what follows the {@code *}, longest first. */
    private final TreeMap<Integer, Map<String, CompiledVirtualHost>> suffixes = new TreeMap<>(Collections.reverseOrder());
    /** Prefix wildcards by the length of what precedes the {@code *}, longest first. */
    private final TreeMap<Integer, Map<String, CompiledVirtualHost>> prefixes = new TreeMap<>(Collections.reverseOrder());
    private final int[] suffixLengths;
    private final int[] prefixLengths;
    private CompiledVirtualHost fallback;

    private RouteTable(RouteConfiguration config) {
        this.config = config;
        List<CompiledVirtualHost> hosts = new ArrayList<>(config.getVirtualHostsCount());
        for (int i = 0; i < config.getVirtualHostsCount(); i++) {
            CompiledVirtualHost vh = new CompiledVirtualHost(config.getVirtualHosts(i), i);
            hosts.add(vh);
            for (String d : vh.proto().getDomainsList()) {
                String domain = d.toLowerCase(Locale.ROOT);
                if (domain.equals("*")) {
                    if (fallback == null) {
                        fallback = vh;
                    }
                } else if (domain.startsWith("*")) {
                    String suffix = domain.substring(1);
                    suffixes.computeIfAbsent(suffix.length(), n -> new HashMap<>()).putIfAbsent(suffix, vh);
                } else if (domain.endsWith("*")) {
                    String prefix = domain.substring(0, domain.length() - 1);
                    prefixes.computeIfAbsent(prefix.length(), n -> new HashMap<>()).putIfAbsent(prefix, vh);
                } else {
                    exact.putIfAbsent(domain, vh);
                }
            }
        }
        this.virtualHosts = List.copyOf(hosts);
        this.suffixLengths = suffixes.keySet().stream().mapToInt(Integer::intValue).toArray();
        this.prefixLengths = prefixes.keySet().stream().mapToInt(Integer::intValue).toArray();
    }

    /** Prepares {@code config}; never fails: an invalid regex becomes a matcher that matches nothing. */
    public static RouteTable compile(RouteConfiguration config) {
        return new RouteTable(config);
    }

    public RouteConfiguration config() {
        return config;
    }

    public List<CompiledVirtualHost> virtualHosts() {
        return virtualHosts;
    }

    /** The virtual host Envoy picks for {@code host} (as the connection manager left it), or null. */
    public CompiledVirtualHost virtualHost(String host) {
        String h = host == null ? "" : lowerCase(host);
        if (config.getIgnorePortInHostMatching()) {
            h = Hosts.withoutPort(h);
        }
        CompiledVirtualHost vh = exact.get(h);
        if (vh != null) {
            return vh;
        }
        for (int length : suffixLengths) {
            if (length < h.length()) {
                vh = suffixes.get(length).get(h.substring(h.length() - length));
                if (vh != null) {
                    return vh;
                }
            }
        }
        for (int length : prefixLengths) {
            if (length < h.length()) {
                vh = prefixes.get(length).get(h.substring(0, length));
                if (vh != null) {
                    return vh;
                }
            }
        }
        return fallback;
    }

    /** {@code s} in lower case, without a copy when it already is (the common case). */
    private static String lowerCase(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z' || c > 127) {
                return s.toLowerCase(Locale.ROOT);
            }
        }
        return s;
    }
}
