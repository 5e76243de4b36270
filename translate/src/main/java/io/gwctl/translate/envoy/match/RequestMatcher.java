package io.gwctl.translate.envoy.match;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RedirectAction;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import io.gwctl.translate.envoy.EnvoySnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Follows one request through a gateway's Envoy config as Envoy would: listener by port, filter chain by
 * {@code filter_chain_match}, then the HTTP connection manager's route configuration, virtual host and route,
 * or the TCP proxy's cluster. The stages and their errors are those of istio/istio
 * {@code pilot/pkg/simulation/traffic.go} ({@code Simulation.Run}); each stage follows Envoy's own code, cited
 * in {@link FilterChains}, {@link RouteTable}, {@link CompiledRoute} and {@link Redirects}. The virtual host and
 * route are chosen by {@link RouteTable}, as the embedded data plane chooses them. Reads only Envoy v3 protos.
 */
public final class RequestMatcher {

    static final String HTTP_CONNECTION_MANAGER = "envoy.filters.network.http_connection_manager";
    static final String TCP_PROXY = "envoy.filters.network.tcp_proxy";

    private RequestMatcher() {
    }

    /** What Envoy does with {@code request} given {@code snapshot}. */
    public static Trace trace(EnvoySnapshot snapshot, TraceRequest request) {
        return new Walk(snapshot, request).run();
    }

    /** The state of one trace as it goes through the stages. */
    private static final class Walk {
        private final EnvoySnapshot snapshot;
        private TraceRequest request;
        private final List<String> steps = new ArrayList<>();
        private String listener;
        private String filterChain;
        private String routeConfig;
        private String virtualHost;
        private String route;

        Walk(EnvoySnapshot snapshot, TraceRequest request) {
            this.snapshot = snapshot;
            this.request = request;
        }

        Trace run() {
            Listener l = listener();
            if (l == null) {
                return error(Trace.Error.NO_LISTENER);
            }
            listener = l.getName();
            FilterChains.Selection selection = FilterChains.select(l, request, steps);
            if (selection.chain() == null) {
                return error(selection.error());
            }
            FilterChain chain = selection.chain();
            filterChain = FilterChains.describe(chain);
            if (chain.hasTransportSocket() && !request.tls()) {
                steps.add("filter chain " + filterChain + " terminates TLS but the request is plaintext: invalid TLS");
                return error(Trace.Error.TLS_ERROR);
            }
            Optional<HttpConnectionManager> hcm = filter(chain, HTTP_CONNECTION_MANAGER, HttpConnectionManager.class);
            if (hcm.isPresent()) {
                return http(chain, hcm.get());
            }
            Optional<TcpProxy> tcp = filter(chain, TCP_PROXY, TcpProxy.class);
            if (tcp.isPresent()) {
                return tcp(tcp.get());
            }
            steps.add("filter chain " + filterChain + " has neither an http_connection_manager nor a tcp_proxy");
            return error(Trace.Error.PROTOCOL_ERROR);
        }

        private Listener listener() {
            Listener found = null;
            for (Listener l : snapshot.listeners()) {
                int port = l.getAddress().getSocketAddress().getPortValue();
                if (port == request.port() && found == null) {
                    steps.add("listener %s: port %d matches".formatted(l.getName(), port));
                    found = l;
                } else if (port != request.port()) {
                    steps.add("listener %s: port %d is not %d".formatted(l.getName(), port, request.port()));
                }
            }
            if (found == null) {
                steps.add("no listener on port " + request.port());
            }
            return found;
        }

        private Trace http(FilterChain chain, HttpConnectionManager hcm) {
            if (request.tls() && !chain.hasTransportSocket()) {
                steps.add("filter chain " + filterChain
                        + " has an http_connection_manager but does not terminate TLS: TLS bytes reach the HTTP codec");
                return error(Trace.Error.PROTOCOL_ERROR);
            }
            if (request.scheme().equals("tcp") || request.scheme().equals("tls")) {
                steps.add("filter chain " + filterChain + " has an http_connection_manager but the request is raw TCP");
                return error(Trace.Error.PROTOCOL_ERROR);
            }
            RouteConfiguration config;
            if (hcm.hasRouteConfig()) {
                config = hcm.getRouteConfig();
                routeConfig = config.getName();
                steps.add("http_connection_manager: inline route configuration " + routeConfig);
            } else {
                routeConfig = hcm.getRds().getRouteConfigName();
                Optional<RouteConfiguration> found = snapshot.route(routeConfig);
                if (found.isEmpty()) {
                    steps.add("http_connection_manager: route configuration " + routeConfig
                            + " (rds) is not in the snapshot");
                    return error(Trace.Error.NO_VIRTUAL_HOST);
                }
                config = found.get();
                steps.add("http_connection_manager: route configuration " + routeConfig + " (rds)");
            }
            String path = PathNormalization.forRouting(hcm, request.path());
            if (!path.equals(request.path())) {
                steps.add("http_connection_manager normalizes path " + request.path() + " to " + path);
                request = new TraceRequest(request.scheme(), request.port(), request.sni(), request.host(), path,
                        request.method(), request.headers());
            }
            String host = hostForRouting(hcm);
            RouteTable table = RouteTable.compile(config);
            CompiledVirtualHost vh = table.virtualHost(host);
            VirtualHosts.explain(table, host, vh, steps);
            if (vh == null) {
                return error(Trace.Error.NO_VIRTUAL_HOST);
            }
            virtualHost = vh.proto().getName();
            if (vh.requiresTls(request)) {
                // Envoy's SslRedirectRoute answers like a route with https_redirect (config_impl.cc).
                String location = Redirects.location(RedirectAction.newBuilder().setHttpsRedirect(true).build(),
                        RouteMatch.getDefaultInstance(), request);
                steps.add("virtual host %s requires TLS (%s): sending 301 to %s".formatted(virtualHost,
                        vh.proto().getRequireTls(), location));
                return finish(Trace.Outcome.ERROR, List.of(), location, 301, Trace.Error.TLS_REDIRECT);
            }
            CompiledRoute r = Routes.select(vh, request, steps);
            if (r == null) {
                steps.add("no route of virtual host " + virtualHost + " matches: Envoy answers 404");
                return error(Trace.Error.NO_ROUTE);
            }
            route = Routes.describe(r.proto());
            return action(r.proto());
        }

        /** The host the connection manager routes on ({@link HostNormalization}), saying when it drops a port. */
        private String hostForRouting(HttpConnectionManager hcm) {
            String dotless = HostNormalization.withoutTrailingDot(hcm, request.host());
            if (dotless != null && HostNormalization.stripsPort(hcm, dotless, request.port())) {
                steps.add("http_connection_manager strips the port from host " + dotless);
            }
            return HostNormalization.forRouting(hcm, request.host(), request.port());
        }

        private Trace action(Route r) {
            switch (r.getActionCase()) {
                case ROUTE -> {
                    return upstream(r.getRoute());
                }
                case REDIRECT -> {
                    String location = Redirects.location(r.getRedirect(), r.getMatch(), request);
                    int status = Redirects.status(r.getRedirect());
                    steps.add("route %s redirects: %d to %s".formatted(route, status, location));
                    return finish(Trace.Outcome.REDIRECT, List.of(), location, status, null);
                }
                case DIRECT_RESPONSE -> {
                    int status = r.getDirectResponse().getStatus();
                    steps.add("route %s answers directly with %d".formatted(route, status));
                    return finish(Trace.Outcome.DIRECT_RESPONSE, List.of(), null, status, null);
                }
                default -> {
                    steps.add("route %s has a %s action, which forwards nowhere".formatted(route,
                            r.getActionCase().name().toLowerCase(Locale.ROOT)));
                    return error(Trace.Error.NO_ROUTE);
                }
            }
        }

        private Trace upstream(RouteAction action) {
            List<Trace.WeightedCluster> clusters = new ArrayList<>();
            switch (action.getClusterSpecifierCase()) {
                case CLUSTER -> clusters.add(new Trace.WeightedCluster(action.getCluster(), 100));
                case WEIGHTED_CLUSTERS -> action.getWeightedClusters().getClustersList().forEach(c ->
                        clusters.add(new Trace.WeightedCluster(c.getName(), c.getWeight().getValue())));
                case CLUSTER_HEADER -> request.header(action.getClusterHeader()).stream().findFirst().ifPresent(
                        name -> clusters.add(new Trace.WeightedCluster(name, 100)));
                default -> steps.add("route " + route + ": cluster specifier "
                        + action.getClusterSpecifierCase().name().toLowerCase(Locale.ROOT)
                        + " is not evaluated by the trace");
            }
            return toClusters(clusters, "route " + route);
        }

        private Trace tcp(TcpProxy proxy) {
            List<Trace.WeightedCluster> clusters = new ArrayList<>();
            if (proxy.hasWeightedClusters()) {
                proxy.getWeightedClusters().getClustersList().forEach(c ->
                        clusters.add(new Trace.WeightedCluster(c.getName(), c.getWeight())));
            } else {
                clusters.add(new Trace.WeightedCluster(proxy.getCluster(), 100));
            }
            return toClusters(clusters, "tcp_proxy");
        }

        private Trace toClusters(List<Trace.WeightedCluster> clusters, String from) {
            for (Trace.WeightedCluster c : clusters) {
                boolean known = snapshot.cluster(c.name()).isPresent();
                steps.add("%s forwards to cluster %s (weight %d)%s".formatted(from, c.name(), c.weight(),
                        known ? "" : ": cluster is not in the snapshot, Envoy answers 503"));
            }
            return finish(Trace.Outcome.CLUSTER, clusters, null, null, null);
        }

        private Trace error(Trace.Error error) {
            return finish(Trace.Outcome.ERROR, List.of(), null, null, error);
        }

        private Trace finish(Trace.Outcome outcome, List<Trace.WeightedCluster> clusters, String location,
                Integer status, Trace.Error error) {
            return new Trace(listener, filterChain, routeConfig, virtualHost, route, outcome, clusters, location,
                    status, error, steps);
        }

        /** The first network filter of the chain with this name or this typed config, unpacked. */
        private static <T extends Message> Optional<T> filter(FilterChain chain, String name, Class<T> type) {
            for (Filter f : chain.getFiltersList()) {
                Any any = f.getTypedConfig();
                if (f.getName().equals(name) || any.is(type)) {
                    try {
                        return Optional.of(any.unpack(type));
                    } catch (InvalidProtocolBufferException e) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.empty();
        }
    }
}
