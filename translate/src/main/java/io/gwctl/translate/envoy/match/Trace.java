package io.gwctl.translate.envoy.match;

import java.util.List;

/**
 * What Envoy does with one request, step by step. Fields for stages the request never reached are null.
 *
 * @param listener    the listener that accepted the connection
 * @param filterChain the filter chain's name, or a description of its match when it has none
 * @param routeConfig the route configuration the HTTP connection manager used
 * @param virtualHost the virtual host selected by the host
 * @param route       the route that matched (its name, or a description of its match when it has none)
 * @param outcome     what Envoy does in the end
 * @param clusters    the upstream clusters with their weights (one with weight 100 when not weighted)
 * @param location    the {@code Location} of a redirect (also of the 301 a {@code tls-redirect} sends)
 * @param status      the status of a redirect or direct response (301 for a {@code tls-redirect})
 * @param error       why the request failed, or null
 * @param steps       each thing considered, in order, and why it did or did not match
 */
public record Trace(String listener, String filterChain, String routeConfig, String virtualHost, String route,
        Outcome outcome, List<WeightedCluster> clusters, String location, Integer status, Error error,
        List<String> steps) {

    public Trace {
        clusters = clusters == null ? List.of() : List.copyOf(clusters);
        steps = List.copyOf(steps);
    }

    /** The single upstream cluster, or null when there is none or several. */
    public String cluster() {
        return clusters.size() == 1 ? clusters.get(0).name() : null;
    }

    public enum Outcome { CLUSTER, REDIRECT, DIRECT_RESPONSE, ERROR }

    /** An upstream cluster and the weight it gets. */
    public record WeightedCluster(String name, int weight) {
    }

    /** Why a request failed: the errors of Istio's {@code pilot/pkg/simulation/traffic.go}. */
    public enum Error {
        NO_LISTENER("no-listener"),
        NO_FILTER_CHAIN("no-filter-chain"),
        MULTIPLE_FILTER_CHAINS("multiple-filter-chains"),
        TLS_ERROR("tls-error"),
        PROTOCOL_ERROR("protocol-error"),
        NO_VIRTUAL_HOST("no-virtual-host"),
        TLS_REDIRECT("tls-redirect"),
        NO_ROUTE("no-route");

        private final String code;

        Error(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        @Override
        public String toString() {
            return code;
        }
    }
}
