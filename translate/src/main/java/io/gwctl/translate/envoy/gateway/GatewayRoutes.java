package io.gwctl.translate.envoy.gateway;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.envoyproxy.envoy.config.core.v3.Metadata;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequest;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.VirtualService;
import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.translate.envoy.ExportTo;
import io.gwctl.translate.envoy.ServiceCatalog;
import io.gwctl.translate.envoy.route.HttpRouteInput;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The route configurations of a gateway (pilot {@code buildGatewayHTTPRouteConfig} in
 * {@code networking/core/gateway.go}, with {@code route.BuildHTTPRoutesForVirtualService}).
 *
 * <p>For each server, every VirtualService bound to its Gateway and exported to the proxy's namespace
 * ({@link #visibleInOrder}) contributes the hosts it shares with the server's hosts visible from its
 * namespace; each such host is a virtual host {@code <host>:<serverPort>} whose routes are the
 * VirtualService's HTTP routes, one Envoy route per match, skipping matches whose
 * {@code gateways} or {@code port} exclude this server and stopping after the first catch-all. Several
 * VirtualServices on one host append their routes in order, then catch-all routes move last. A route
 * configuration nothing binds to gets a {@code blackhole:<port>} virtual host without routes. Virtual hosts
 * are sorted by name and the port of the Host header is ignored.
 */
final class GatewayRoutes {

    private final Map<String, List<Resource>> byGateway;
    private final HttpRouteTranslator translator;
    private final String domainSuffix;
    private final ServiceCatalog catalog;

    /**
     * @param virtualServices all VirtualServices, oldest first
     * @param proxyNamespace  the gateway proxy's namespace: only VirtualServices exported to it bind
     * @param catalog         the services the proxy sees
     */
    GatewayRoutes(List<Resource> virtualServices, String proxyNamespace, HttpRouteTranslator translator,
            String domainSuffix, ServiceCatalog catalog) {
        this.byGateway = indexByGateway(visibleInOrder(virtualServices, proxyNamespace));
        this.translator = requireNonNull(translator, "translator");
        this.domainSuffix = requireNonNull(domainSuffix, "domainSuffix");
        this.catalog = requireNonNull(catalog, "catalog");
    }

    /** The VirtualServices bound to {@code gatewayName} ({@code ns/name}), in order. */
    List<Resource> boundTo(String gatewayName) {
        return byGateway.getOrDefault(gatewayName, List.of());
    }

    /**
     * The VirtualServices exported to the proxy's namespace, in the order pilot's
     * {@code PushContext.VirtualServicesForGateway} returns them: those of that namespace exported to it, then
     * those of other namespaces exported to it by name, then the public ones ({@code *}, or no {@code exportTo}).
     */
    static List<Resource> visibleInOrder(List<Resource> virtualServices, String proxyNamespace) {
        List<Resource> own = new ArrayList<>();
        List<Resource> exported = new ArrayList<>();
        List<Resource> open = new ArrayList<>();
        for (Resource r : virtualServices) {
            VirtualService vs = r.spec(VirtualService.class).orElse(null);
            if (vs == null) {
                continue;
            }
            ExportTo exportTo = ExportTo.of(r.namespace(), vs.getExportTo());
            if (exportTo.isPublic()) {
                open.add(r);
            } else if (exportTo.visibleTo(proxyNamespace)) {
                (r.namespace().equals(proxyNamespace) ? own : exported).add(r);
            }
        }
        List<Resource> out = new ArrayList<>(own);
        out.addAll(exported);
        out.addAll(open);
        return out;
    }

    /**
     * The VirtualServices by the gateways they bind to, in order: built once, so that a config with
     * thousands of Gateways and VirtualServices is not walked once per server.
     */
    private static Map<String, List<Resource>> indexByGateway(List<Resource> virtualServices) {
        Map<String, List<Resource>> index = new HashMap<>();
        for (Resource r : virtualServices) {
            VirtualService vs = r.spec(VirtualService.class).orElseThrow();
            List<String> refs = vs.getGateways() == null || vs.getGateways().isEmpty()
                    ? List.of(GatewayHosts.MESH) : vs.getGateways();
            refs.stream().filter(g -> g != null).map(g -> GatewayHosts.resolveGateway(g, r.namespace())).distinct()
                    .forEach(name -> index.computeIfAbsent(name, k -> new ArrayList<>()).add(r));
        }
        return index;
    }

    /** The hosts {@code vs} shares with the server, as the more specific of each matching pair. */
    static List<String> sharedHosts(Resource vsResource, GatewayServer server) {
        VirtualService vs = vsResource.spec(VirtualService.class).orElseThrow();
        List<String> vsHosts = vs.getHosts() == null ? List.of() : vs.getHosts().stream()
                .filter(h -> h != null).toList();
        List<String> serverHosts = GatewayHosts.forNamespace(server.hosts(), server.gateway().namespace(),
                vsResource.namespace());
        return GatewayHosts.intersection(serverHosts, vsHosts);
    }

    /** The route configuration {@code name} of {@code servers}. */
    RouteConfiguration build(String name, List<GatewayServer> servers) {
        Map<String, VirtualHost.Builder> vhosts = new LinkedHashMap<>();
        for (GatewayServer server : servers) {
            for (Resource vs : boundTo(server.gatewayName())) {
                List<String> hosts = sharedHosts(vs, server);
                if (hosts.isEmpty()) {
                    continue;
                }
                List<Route> routes = httpRoutes(vs, server);
                for (String host : hosts) {
                    VirtualHost.Builder vh = vhosts.computeIfAbsent(host, h -> VirtualHost.newBuilder()
                            .setName(h + ":" + server.serverPort()).addDomains(h).setIncludeRequestAttemptCount(true));
                    vh.addAllRoutes(routes);
                    if (server.httpsRedirect()) {
                        vh.setRequireTls(VirtualHost.TlsRequirementType.ALL);
                    }
                }
            }
            if (server.httpsRedirect()) {
                for (String h : server.hosts()) {
                    String host = GatewayHosts.hostPart(h);
                    vhosts.computeIfAbsent(host, x -> VirtualHost.newBuilder().setName(x + ":" + server.serverPort())
                            .addDomains(x).setIncludeRequestAttemptCount(true))
                            .setRequireTls(VirtualHost.TlsRequirementType.ALL);
                }
            }
        }
        List<VirtualHost> out = new ArrayList<>();
        if (vhosts.isEmpty()) {
            int port = servers.isEmpty() ? 0 : servers.get(0).serverPort();
            out.add(VirtualHost.newBuilder().setName("blackhole:" + port).addDomains("*")
                    .setIncludeRequestAttemptCount(true).build());
        } else {
            for (VirtualHost.Builder vh : vhosts.values()) {
                List<Route> sorted = new ArrayList<>(vh.getRoutesList());
                sorted.sort(Comparator.comparing(GatewayRoutes::isCatchAll));
                out.add(vh.clearRoutes().addAllRoutes(sorted).build());
            }
        }
        out.sort(Comparator.comparing(VirtualHost::getName));
        return RouteConfiguration.newBuilder().setName(name).addAllVirtualHosts(out)
                .setValidateClusters(com.google.protobuf.BoolValue.of(false))
                .setIgnorePortInHostMatching(true).build();
    }

    /** The Envoy routes of a VirtualService's HTTP routes on one server. */
    private List<Route> httpRoutes(Resource vsResource, GatewayServer server) {
        VirtualService vs = vsResource.spec(VirtualService.class).orElseThrow();
        List<Route> out = new ArrayList<>();
        if (vs.getHttp() == null) {
            return out;
        }
        for (int i = 0; i < vs.getHttp().size(); i++) {
            HTTPRoute http = vs.getHttp().get(i);
            if (http == null) {
                continue;
            }
            boolean catchAll = false;
            if (http.getMatch() == null || http.getMatch().isEmpty()) {
                translate(vsResource, http, i, server).ifPresent(out::add);
                catchAll = true;
            } else {
                for (HTTPMatchRequest match : http.getMatch()) {
                    if (match == null || !selects(match.getGateways(), match.getPort(), vsResource, server)) {
                        continue;
                    }
                    HTTPRoute one = new HTTPRouteBuilder(http).withMatch(List.of(match)).build();
                    var route = translate(vsResource, one, i, server);
                    if (route.isPresent()) {
                        out.add(route.get());
                        if (isCatchAll(route.get())) {
                            catchAll = true;
                            break;
                        }
                    }
                }
            }
            if (catchAll) {
                break;
            }
        }
        return out;
    }

    private java.util.Optional<Route> translate(Resource vs, HTTPRoute http, int index, GatewayServer server) {
        return translator.translate(new HttpRouteInput(vs, http, index, server.serverPort(), domainSuffix, catalog))
                .map(b -> b.setMetadata(metadata(vs)).build());
    }

    /** Whether a match's {@code gateways} and {@code port} let it apply on this server. */
    static boolean selects(List<String> gateways, Long port, Resource vs, GatewayServer server) {
        if (gateways != null && !gateways.isEmpty() && gateways.stream()
                .noneMatch(g -> g != null && GatewayHosts.resolveGateway(g, vs.namespace()).equals(server.gatewayName()))) {
            return false;
        }
        return port == null || port == 0 || port == server.serverPort();
    }

    /** {@code filter_metadata.istio.config}: the config path of the VirtualService (pilot {@code BuildConfigInfoMetadata}). */
    static Metadata metadata(Resource vs) {
        String version = ResourceType.versionOf(vs.apiVersion());
        String path = "/apis/networking.istio.io/" + version + "/namespaces/" + vs.namespace()
                + "/virtual-service/" + vs.name();
        return Metadata.newBuilder().putFilterMetadata("istio", Struct.newBuilder()
                .putFields("config", Value.newBuilder().setStringValue(path).build()).build()).build();
    }

    /** A route matching every request path and nothing else (pilot {@code isCatchAllRoute}). */
    static boolean isCatchAll(Route r) {
        RouteMatch m = r.getMatch();
        boolean any = switch (m.getPathSpecifierCase()) {
            case PREFIX -> m.getPrefix().equals("/");
            case PATH_SEPARATED_PREFIX -> m.getPathSeparatedPrefix().equals("/");
            case SAFE_REGEX -> m.getSafeRegex().getRegex().equals("*") || m.getSafeRegex().getRegex().equals(".*");
            default -> false;
        };
        return any && m.getHeadersCount() == 0 && m.getQueryParametersCount() == 0;
    }
}
