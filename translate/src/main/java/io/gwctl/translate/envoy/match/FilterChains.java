package io.gwctl.translate.envoy.match;

import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.FilterChainMatch;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Envoy's filter chain selection: the criteria of {@code filter_chain_match} are applied one after another,
 * and at each level only the chains with the most specific matching value survive; chains that leave the
 * criterion empty survive only when no chain names a matching value. Follows
 * {@code source/common/listener_manager/filter_chain_manager_impl.cc} ({@code findFilterChain},
 * {@code findFilterChainForServerName}) in envoyproxy/envoy and the same sieve in istio/istio
 * {@code pilot/pkg/simulation/traffic.go} ({@code matchFilterChain}), including its
 * {@code multiple filter chains matched} error. Destination and source addresses are not known for a
 * traced request and are not evaluated.
 */
final class FilterChains {

    static final String TLS_INSPECTOR = "envoy.filters.listener.tls_inspector";
    static final String HTTP_INSPECTOR = "envoy.filters.listener.http_inspector";

    /** The outcome: the chain, or why none could be chosen. */
    record Selection(FilterChain chain, Trace.Error error) {
    }

    /** What Envoy knows of a connection when it picks a chain. */
    private record Connection(int port, String sni, String transport, List<String> alpn) {
    }

    private FilterChains() {
    }

    static Selection select(Listener listener, TraceRequest request, List<String> steps) {
        boolean tlsInspector = hasListenerFilter(listener, TLS_INSPECTOR);
        boolean httpInspector = hasListenerFilter(listener, HTTP_INSPECTOR);
        Connection connection = connection(request, tlsInspector, httpInspector);
        steps.add("connection: port %d, transport %s, sni %s, alpn %s%s".formatted(connection.port,
                connection.transport, connection.sni.isEmpty() ? "(none)" : connection.sni, connection.alpn,
                tlsInspector ? "" : " (no tls_inspector: transport is raw_buffer and SNI is not read)"));

        List<FilterChain> chains = new ArrayList<>(listener.getFilterChainsList());
        chains = sieve(chains, "destination_port", steps, m -> m.hasDestinationPort()
                ? rank(m.getDestinationPort().getValue() == connection.port) : EMPTY);
        chains = sieve(chains, "server_names", steps, m -> serverNameRank(m, connection.sni));
        chains = sieve(chains, "transport_protocol", steps, m -> m.getTransportProtocol().isEmpty()
                ? EMPTY : rank(m.getTransportProtocol().equals(connection.transport)));
        chains = sieve(chains, "application_protocols", steps, m -> m.getApplicationProtocolsCount() == 0
                ? EMPTY : rank(m.getApplicationProtocolsList().stream().anyMatch(connection.alpn::contains)));

        if (chains.size() > 1) {
            steps.add("filter chains " + chains.stream().map(FilterChains::describe).collect(Collectors.joining(", "))
                    + " all match: multiple filter chains matched");
            return new Selection(null, Trace.Error.MULTIPLE_FILTER_CHAINS);
        }
        if (chains.isEmpty()) {
            if (listener.hasDefaultFilterChain()) {
                steps.add("no filter chain matches: using the default filter chain");
                return new Selection(listener.getDefaultFilterChain(), null);
            }
            steps.add("no filter chain matches and the listener has no default filter chain");
            return new Selection(null, Trace.Error.NO_FILTER_CHAIN);
        }
        steps.add("filter chain " + describe(chains.get(0)) + " selected");
        return new Selection(chains.get(0), null);
    }

    /** The chain's name, or its match when it has none. */
    static String describe(FilterChain chain) {
        if (!chain.getName().isEmpty()) {
            return chain.getName();
        }
        FilterChainMatch m = chain.getFilterChainMatch();
        List<String> parts = new ArrayList<>();
        if (m.hasDestinationPort()) {
            parts.add("destination_port=" + m.getDestinationPort().getValue());
        }
        if (m.getServerNamesCount() > 0) {
            parts.add("server_names=" + m.getServerNamesList());
        }
        if (!m.getTransportProtocol().isEmpty()) {
            parts.add("transport_protocol=" + m.getTransportProtocol());
        }
        if (m.getApplicationProtocolsCount() > 0) {
            parts.add("application_protocols=" + m.getApplicationProtocolsList());
        }
        // A chain that matches every connection is "ALL", as istioctl's listener table calls it.
        return parts.isEmpty() ? "ALL" : "{" + String.join(", ", parts) + "}";
    }

    private static Connection connection(TraceRequest request, boolean tlsInspector, boolean httpInspector) {
        if (request.tls() && tlsInspector) {
            String sni = request.sni() == null ? "" : request.sni().toLowerCase(Locale.ROOT);
            return new Connection(request.port(), sni, "tls", List.of("h2", "http/1.1"));
        }
        List<String> alpn = !request.tls() && request.scheme().equals("http") && httpInspector
                ? List.of("http/1.1") : List.of();
        return new Connection(request.port(), "", "raw_buffer", alpn);
    }

    private static boolean hasListenerFilter(Listener listener, String name) {
        return listener.getListenerFiltersList().stream().anyMatch(f -> f.getName().equals(name));
    }

    /** The criterion is not set on the chain. */
    private static final int EMPTY = -1;
    /** The chain names values and none matches. */
    private static final int NO_MATCH = Integer.MAX_VALUE;

    private static int rank(boolean matches) {
        return matches ? 0 : NO_MATCH;
    }

    /**
     * Exact server names first, then {@code *.} wildcards from the longest suffix to the shortest, as
     * {@code findFilterChainForServerName} does; the rank is the number of labels the wildcard gives up.
     */
    private static int serverNameRank(FilterChainMatch m, String sni) {
        if (m.getServerNamesCount() == 0) {
            return EMPTY;
        }
        int best = NO_MATCH;
        for (String name : m.getServerNamesList()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals(sni)) {
                return 0;
            }
            if (lower.startsWith("*.") && sni.endsWith(lower.substring(1))) {
                int remaining = sni.length() - lower.length() + 1;
                best = Math.min(best, remaining);
            }
        }
        return best;
    }

    private static List<FilterChain> sieve(List<FilterChain> chains, String criterion, List<String> steps,
            Function<FilterChainMatch, Integer> ranking) {
        int best = NO_MATCH;
        for (FilterChain chain : chains) {
            int r = ranking.apply(chain.getFilterChainMatch());
            if (r != EMPTY) {
                best = Math.min(best, r);
            }
        }
        List<FilterChain> kept = new ArrayList<>();
        for (FilterChain chain : chains) {
            int r = ranking.apply(chain.getFilterChainMatch());
            boolean keep = best == NO_MATCH ? r == EMPTY : r == best;
            if (keep) {
                kept.add(chain);
            } else {
                steps.add("filter chain %s: %s %s".formatted(describe(chain), criterion,
                        r == EMPTY ? "is unset while other chains match it more specifically"
                                : r == NO_MATCH ? "does not match" : "matches less specifically than another chain"));
            }
        }
        return kept;
    }
}
