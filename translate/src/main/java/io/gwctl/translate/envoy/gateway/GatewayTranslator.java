package io.gwctl.translate.envoy.gateway;

import com.google.protobuf.UInt32Value;
import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.listener.v3.ListenerFilter;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.extensions.filters.listener.tls_inspector.v3.TlsInspector;
import io.fabric8.istio.api.api.networking.v1alpha3.Gateway;
import io.fabric8.istio.api.api.networking.v1alpha3.L4MatchAttributes;
import io.fabric8.istio.api.api.networking.v1alpha3.RouteDestination;
import io.fabric8.istio.api.api.networking.v1alpha3.Server;
import io.fabric8.istio.api.api.networking.v1alpha3.TCPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.TLSMatchAttributes;
import io.fabric8.istio.api.api.networking.v1alpha3.TLSRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.VirtualService;
import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.translate.envoy.ClusterName;
import io.gwctl.translate.envoy.GatewayOptions;
import io.gwctl.translate.envoy.MeshService;
import io.gwctl.translate.envoy.ProxyNamespace;
import io.gwctl.translate.envoy.ServiceCatalog;
import io.gwctl.translate.envoy.ShortNames;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The listeners and route configurations of one gateway workload, as pilot builds them for a router proxy.
 *
 * <ol>
 *   <li>Gateways served: the one named by {@link GatewayOptions#gateway()}, else every Gateway whose selector
 *   the workload labels satisfy, or, for a Gateway with the {@code internal.istio.io/gateway-service}
 *   annotation, whose listed services the workload is an instance of (see {@link GatewayWorkload}). They are
 *   taken oldest first, then by namespace and name ({@code model.sortConfigByCreationTime}).</li>
 *   <li>Servers merged per listener port ({@code model.mergeGateways}, {@code resolvePorts}): a server port is
 *   translated to the target port of the workload's service on that port; plaintext HTTP servers share a
 *   port, TLS and HTTPS servers share a port unless a later one repeats a host of the same namespace scope,
 *   one TCP server owns its port, and a server of another family than the port's first is dropped.</li>
 *   <li>Listeners {@code 0.0.0.0_<port>} ({@code buildGatewayListeners}): one HTTP chain reading
 *   {@code http.<port>}; a chain per terminating HTTPS server matching its SNI names and reading
 *   {@code https.<serverPort>.<portName>.<gateway>.<namespace>}; TCP proxy chains from the {@code tcp} routes
 *   of a TCP server or a terminating TLS server and the {@code tls} routes of a PASSTHROUGH server.
 *   A listener without chains is not built. Connection limits and timeouts: see
 *   {@link ConnectionManagerDefaults}.</li>
 *   <li>Route configurations: see {@link GatewayRoutes}. Only VirtualServices and services exported to the
 *   proxy's namespace ({@link ProxyNamespace}) are seen.</li>
 * </ol>
 */
public final class GatewayTranslator {

    static final String GATEWAY_SERVICE = "internal.istio.io/gateway-service";
    /** The Gateway API route a generated VirtualService comes from ({@code constants.InternalParentNames}). */
    static final String PARENTS = "internal.istio.io/parents";
    static final String TLS_INSPECTOR = "envoy.filters.listener.tls_inspector";

    /** The configuration of the workload {@code options} describes. */
    public GatewayConfig translate(List<Resource> resources, GatewayOptions options, HttpRouteTranslator routes) {
        return translate(resources, options, routes, ServiceCatalog.of(resources, options.domainSuffix()));
    }

    /** The same, with the services of {@code resources} already indexed by the caller. */
    public GatewayConfig translate(List<Resource> resources, GatewayOptions options, HttpRouteTranslator routes,
            ServiceCatalog catalog) {
        GatewayWorkload workload = new GatewayWorkload(resources, options.selector(), catalog);
        String proxyNamespace = ProxyNamespace.of(resources, options.selector());
        ServiceCatalog visible = catalog.visibleTo(proxyNamespace);
        List<Resource> virtualServices = sorted(resources.stream()
                .filter(r -> r.is(ResourceType.VIRTUAL_SERVICE) && r.spec(VirtualService.class).isPresent()).toList());
        GatewayRoutes routeBuilder = new GatewayRoutes(virtualServices, proxyNamespace, routes, options.domainSuffix(),
                visible);

        TreeMap<Integer, List<GatewayServer>> ports = merge(selected(resources, options, workload), workload);
        List<Listener> listeners = new ArrayList<>();
        List<RouteConfiguration> routeConfigs = new ArrayList<>();
        Set<String> secrets = new LinkedHashSet<>();
        for (var e : ports.entrySet()) {
            int port = e.getKey();
            List<FilterChain> chains = new ArrayList<>();
            List<GatewayServer> http = e.getValue().stream().filter(s -> s.kind() == GatewayServer.Kind.HTTP).toList();
            if (!http.isEmpty()) {
                String name = "http." + port;
                chains.add(GatewayChains.http(name, port, null).build());
                routeConfigs.add(routeBuilder.build(name, http));
            }
            Set<List<String>> taken = new HashSet<>();
            for (GatewayServer s : e.getValue()) {
                switch (s.kind()) {
                    case HTTPS_TERMINATE -> {
                        String name = "https." + s.serverPort() + "." + s.portName() + "." + s.gateway().name()
                                + "." + s.gateway().namespace();
                        chains.add(GatewayChains.http(name, port, s.server().getName())
                                .setFilterChainMatch(GatewayChains.sni(s.sniHosts()))
                                .setTransportSocket(GatewayChains.tls(s.tls().orElseThrow(), false, secrets)).build());
                        routeConfigs.add(routeBuilder.build(name, List.of(s)));
                    }
                    case TLS_PASSTHROUGH -> chains.addAll(passthroughChains(s, routeBuilder, visible, options, taken));
                    case TLS_TERMINATE -> tcpChain(s, routeBuilder, visible, options).ifPresent(c -> chains.add(
                            c.toBuilder().setFilterChainMatch(GatewayChains.sni(s.sniHosts()))
                                    .setTransportSocket(GatewayChains.tls(s.tls().orElseThrow(), true, secrets))
                                    .build()));
                    case TCP -> tcpChain(s, routeBuilder, visible, options).ifPresent(chains::add);
                    default -> {
                    }
                }
            }
            if (chains.isEmpty()) {
                continue;
            }
            Listener.Builder listener = Listener.newBuilder().setName("0.0.0.0_" + port)
                    .setAddress(Address.newBuilder().setSocketAddress(
                            SocketAddress.newBuilder().setAddress("0.0.0.0").setPortValue(port)))
                    .setPerConnectionBufferLimitBytes(
                            UInt32Value.of(ConnectionManagerDefaults.PER_CONNECTION_BUFFER_LIMIT_BYTES))
                    .addAllFilterChains(chains);
            if (chains.stream().anyMatch(c -> c.hasTransportSocket() || c.getFilterChainMatch().getServerNamesCount() > 0)) {
                listener.addListenerFilters(ListenerFilter.newBuilder().setName(TLS_INSPECTOR)
                        .setTypedConfig(com.google.protobuf.Any.pack(TlsInspector.getDefaultInstance())))
                        .setListenerFiltersTimeout(ConnectionManagerDefaults.LISTENER_FILTERS_TIMEOUT);
            }
            listeners.add(listener.build());
        }
        return new GatewayConfig(listeners, routeConfigs, List.copyOf(secrets));
    }

    /** The Gateways the workload serves, oldest first. */
    private static List<Resource> selected(List<Resource> resources, GatewayOptions options, GatewayWorkload workload) {
        List<Resource> out = new ArrayList<>();
        for (Resource r : resources) {
            if (!r.is(ResourceType.GATEWAY)) {
                continue;
            }
            Gateway gw = r.spec(Gateway.class).orElse(null);
            if (gw == null) {
                continue;
            }
            boolean serves;
            if (options.gateway().isPresent()) {
                serves = options.gateway().get().equals(r.namespace() + "/" + r.name());
            } else if (gatewayServices(r).isPresent()) {
                serves = workload.instanceOfAny(gatewayServices(r).get());
            } else {
                Map<String, String> selector = gw.getSelector() == null ? Map.of() : gw.getSelector();
                serves = GatewayWorkload.subset(selector, options.selector());
            }
            if (serves) {
                out.add(r);
            }
        }
        return sorted(out);
    }

    /** The services an {@code internal.istio.io/gateway-service} annotation lists. */
    private static Optional<Set<String>> gatewayServices(Resource r) {
        if (r.tree().get("metadata") instanceof Map<?, ?> m && m.get("annotations") instanceof Map<?, ?> a
                && a.get(GATEWAY_SERVICE) instanceof String s) {
            return Optional.of(Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty())
                    .collect(Collectors.toCollection(LinkedHashSet::new)));
        }
        return Optional.empty();
    }

    /** Oldest first; objects without a creation time were all loaded now, after any explicit time. */
    private static List<Resource> sorted(List<Resource> rs) {
        List<Resource> out = new ArrayList<>(rs);
        out.sort(Comparator.comparing(GatewayTranslator::creationTime).thenComparing(Resource::namespace)
                .thenComparing(Resource::name));
        return out;
    }

    private static String creationTime(Resource r) {
        if (r.tree().get("metadata") instanceof Map<?, ?> m && m.get("creationTimestamp") != null) {
            return String.valueOf(m.get("creationTimestamp"));
        }
        return "\uffff";
    }

    /** The servers of each listener port, conflicting ones dropped. */
    private static TreeMap<Integer, List<GatewayServer>> merge(List<Resource> gateways, GatewayWorkload workload) {
        TreeMap<Integer, List<GatewayServer>> ports = new TreeMap<>();
        for (Resource r : gateways) {
            Gateway gw = r.spec(Gateway.class).orElseThrow();
            if (gw.getServers() == null) {
                continue;
            }
            Optional<Set<String>> services = gatewayServices(r);
            for (Server server : gw.getServers()) {
                if (server == null || server.getPort() == null || server.getPort().getNumber() == null) {
                    continue;
                }
                Optional<GatewayServer.Kind> kind = GatewayServer.kindOf(server);
                if (kind.isEmpty()) {
                    continue;
                }
                int number = server.getPort().getNumber().intValue();
                List<Integer> listenerPorts = services.isPresent()
                        ? workload.servicePorts(number, services.get(), r.namespace())
                        : List.of(workload.legacyPort(number));
                for (int port : listenerPorts) {
                    List<GatewayServer> existing = ports.computeIfAbsent(port, p -> new ArrayList<>());
                    if (!existing.isEmpty() && (existing.get(0).kind().family() != kind.get().family()
                            || kind.get() == GatewayServer.Kind.TCP)) {
                        continue;
                    }
                    GatewayServer merged = new GatewayServer(r, server, number, port, kind.get());
                    if (kind.get().family() == GatewayServer.Kind.TLS_PASSTHROUGH.family()
                            && existing.stream().anyMatch(e -> sharesHost(e, merged))) {
                        continue;
                    }
                    existing.add(merged);
                }
            }
        }
        return ports;
    }

    /**
     * Whether two TLS-family servers list one host with the same namespace scope ({@code ./} read as the
     * Gateway's namespace): pilot skips the later server ("duplicate host names").
     */
    private static boolean sharesHost(GatewayServer a, GatewayServer b) {
        Set<String> hosts = new HashSet<>(scopedHosts(a));
        return scopedHosts(b).stream().anyMatch(hosts::contains);
    }

    private static List<String> scopedHosts(GatewayServer s) {
        return s.hosts().stream().map(h -> {
            int slash = h.indexOf('/');
            if (slash < 0) {
                return "*/" + h;
            }
            return h.startsWith("./") ? s.gateway().namespace() + h.substring(1) : h;
        }).toList();
    }

    /**
     * The TCP proxy chain of a TCP server, or of a TLS server that terminates
     * ({@code buildGatewayNetworkFiltersFromTCPRoutes}): the first bound {@code tcp} route that applies to it, or for
     * a terminating server the first applying {@code tls} block of a VirtualService made from a TLSRoute.
     */
    private static Optional<FilterChain> tcpChain(GatewayServer s, GatewayRoutes routes, ServiceCatalog catalog,
            GatewayOptions options) {
        for (Resource vs : routes.boundTo(s.gatewayName())) {
            if (GatewayRoutes.sharedHosts(vs, s).isEmpty()) {
                continue;
            }
            List<TCPRoute> tcp = vs.spec(VirtualService.class).orElseThrow().getTcp();
            for (TCPRoute route : tcp == null ? List.<TCPRoute>of() : tcp) {
                if (route == null || !l4Applies(route.getMatch(), vs, s)) {
                    continue;
                }
                Optional<Map<String, Integer>> cluster = clusters(route.getRoute(), vs, s, catalog, options);
                if (cluster.isPresent()) {
                    return Optional.of(GatewayChains.tcp(cluster.get()).build());
                }
            }
            if (s.kind() == GatewayServer.Kind.TLS_TERMINATE && fromTlsRoute(vs)) {
                Optional<Map<String, Integer>> cluster = tlsRouteCluster(vs, s, catalog, options);
                if (cluster.isPresent()) {
                    return Optional.of(GatewayChains.tcp(cluster.get()).build());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether Istio generated the VirtualService from a Gateway API TLSRoute (annotation
     * {@code internal.istio.io/parents: TLSRoute/<name>.<namespace>}): its {@code tls} blocks then serve a
     * terminating TLS server too.
     */
    private static boolean fromTlsRoute(Resource vs) {
        return vs.tree().get("metadata") instanceof Map<?, ?> m && m.get("annotations") instanceof Map<?, ?> a
                && a.get(PARENTS) instanceof String parents && parents.startsWith("TLSRoute/");
    }

    /** The first {@code tls} block whose match selects the server by port and gateway (SNI names are not read). */
    private static Optional<Map<String, Integer>> tlsRouteCluster(Resource vs, GatewayServer s, ServiceCatalog catalog,
            GatewayOptions options) {
        List<TLSRoute> tls = vs.spec(VirtualService.class).orElseThrow().getTls();
        for (TLSRoute route : tls == null ? List.<TLSRoute>of() : tls) {
            for (TLSMatchAttributes m : route == null || route.getMatch() == null ? List.<TLSMatchAttributes>of()
                    : route.getMatch()) {
                if (m != null && GatewayRoutes.selects(m.getGateways(), m.getPort(), vs, s)) {
                    return clusters(route.getRoute(), vs, s, catalog, options);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean l4Applies(List<L4MatchAttributes> matches, Resource vs, GatewayServer s) {
        if (matches == null || matches.isEmpty()) {
            return true;
        }
        return matches.stream().anyMatch(m -> m != null && GatewayRoutes.selects(m.getGateways(), m.getPort(), vs, s));
    }

    /**
     * The SNI chains of a PASSTHROUGH server ({@code buildGatewayNetworkFiltersFromTLSRoutes}): each bound
     * {@code tls} route match that applies to it serves the SNI names it shares with the server, once per set of
     * names.
     */
    private static List<FilterChain> passthroughChains(GatewayServer s, GatewayRoutes routes, ServiceCatalog catalog,
            GatewayOptions options, Set<List<String>> taken) {
        List<FilterChain> out = new ArrayList<>();
        for (Resource vs : routes.boundTo(s.gatewayName())) {
            if (GatewayRoutes.sharedHosts(vs, s).isEmpty()) {
                continue;
            }
            List<TLSRoute> tls = vs.spec(VirtualService.class).orElseThrow().getTls();
            List<String> serverHosts = GatewayHosts.forNamespace(s.hosts(), s.gateway().namespace(), vs.namespace());
            for (TLSRoute route : tls == null ? List.<TLSRoute>of() : tls) {
                if (route == null || route.getMatch() == null) {
                    continue;
                }
                for (TLSMatchAttributes m : route.getMatch()) {
                    if (m == null || m.getSniHosts() == null
                            || !GatewayRoutes.selects(m.getGateways(), m.getPort(), vs, s)) {
                        continue;
                    }
                    List<String> sni = GatewayHosts.intersection(serverHosts, m.getSniHosts());
                    Optional<Map<String, Integer>> cluster = clusters(route.getRoute(), vs, s, catalog, options);
                    if (sni.isEmpty() || cluster.isEmpty() || !taken.add(sni)) {
                        continue;
                    }
                    out.add(GatewayChains.tcp(cluster.get()).setFilterChainMatch(GatewayChains.sni(sni)).build());
                }
            }
        }
        return out;
    }

    /**
     * The clusters of an L4 route's destinations with their weights (pilot {@code buildOutboundNetworkFilters}):
     * a destination's port, else the only port of its service, else the server port. Empty when a
     * destination names no host.
     */
    private static Optional<Map<String, Integer>> clusters(List<RouteDestination> destinations, Resource vs,
            GatewayServer s, ServiceCatalog catalog, GatewayOptions options) {
        if (destinations == null || destinations.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        for (RouteDestination rd : destinations) {
            if (rd == null || rd.getDestination() == null || rd.getDestination().getHost() == null) {
                return Optional.empty();
            }
            var d = rd.getDestination();
            String host = ShortNames.fqdn(d.getHost(), vs.namespace(), options.domainSuffix());
            int port;
            if (d.getPort() != null && d.getPort().getNumber() != null && d.getPort().getNumber() > 0) {
                port = d.getPort().getNumber().intValue();
            } else {
                port = catalog.find(host).map(MeshService::ports).filter(p -> p.size() == 1)
                        .map(p -> p.get(0).number()).orElse(s.serverPort());
            }
            out.merge(ClusterName.outbound(port, d.getSubset(), host).toString(),
                    rd.getWeight() == null ? 0 : rd.getWeight(), Integer::sum);
        }
        return Optional.of(out);
    }
}
