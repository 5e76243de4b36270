package io.gwctl.validate.analysis.virtualservice;

import io.fabric8.istio.api.api.networking.v1alpha3.Destination;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMirrorPolicy;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteDestination;
import io.fabric8.istio.api.api.networking.v1alpha3.RouteDestination;
import io.fabric8.istio.api.api.networking.v1alpha3.TCPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.TLSRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.VirtualService;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One destination of a VirtualService with where it stands (Istio's {@code AnnotatedDestination},
 * {@code virtualservice/util.go}).
 *
 * @param destination the destination, or null where a route entry has none
 * @param mirror      whether it is a mirror ({@code mirror} or {@code mirrors[j]}) rather than a route
 * @param path        the path of its {@code host}
 */
record DestinationRef(Destination destination, boolean mirror, String path) {

    DestinationRef {
        Objects.requireNonNull(path, "path");
    }

    /** The destination host; empty when there is no destination or host, as Istio's getters give it. */
    String host() {
        return destination == null || destination.getHost() == null ? "" : destination.getHost();
    }

    /** The subset; empty when unset. */
    String subset() {
        return destination == null || destination.getSubset() == null ? "" : destination.getSubset();
    }

    /** The destination port number, or null when unset. */
    Long port() {
        return destination == null || destination.getPort() == null ? null : destination.getPort().getNumber();
    }

    /** The path of the destination's {@code port.number}, beside its host. */
    String portPath() {
        return path.substring(0, path.length() - "host".length()) + "port.number";
    }

    /** The route destinations: tcp, then tls, then http, as Istio's {@code getRouteDestinations} orders them. */
    static List<DestinationRef> routes(VirtualService vs) {
        List<DestinationRef> out = new ArrayList<>();
        List<TCPRoute> tcp = orEmpty(vs.getTcp());
        for (int i = 0; i < tcp.size(); i++) {
            addL4(out, "tcp", i, tcp.get(i) == null ? null : tcp.get(i).getRoute());
        }
        List<TLSRoute> tls = orEmpty(vs.getTls());
        for (int i = 0; i < tls.size(); i++) {
            addL4(out, "tls", i, tls.get(i) == null ? null : tls.get(i).getRoute());
        }
        List<HTTPRoute> http = orEmpty(vs.getHttp());
        for (int i = 0; i < http.size(); i++) {
            List<HTTPRouteDestination> routes = http.get(i) == null ? List.of() : orEmpty(http.get(i).getRoute());
            for (int j = 0; j < routes.size(); j++) {
                Destination d = routes.get(j) == null ? null : routes.get(j).getDestination();
                out.add(new DestinationRef(d, false, VirtualServicePaths.destinationHost("http", i, j)));
            }
        }
        return out;
    }

    /** The HTTP mirror destinations: each rule's {@code mirror}, then its {@code mirrors}. */
    static List<DestinationRef> mirrors(VirtualService vs) {
        List<DestinationRef> out = new ArrayList<>();
        List<HTTPRoute> http = orEmpty(vs.getHttp());
        for (int i = 0; i < http.size(); i++) {
            HTTPRoute rule = http.get(i);
            if (rule == null) {
                continue;
            }
            if (rule.getMirror() != null) {
                out.add(new DestinationRef(rule.getMirror(), true, VirtualServicePaths.mirrorHost(i)));
            }
            List<HTTPMirrorPolicy> mirrors = orEmpty(rule.getMirrors());
            for (int j = 0; j < mirrors.size(); j++) {
                Destination d = mirrors.get(j) == null ? null : mirrors.get(j).getDestination();
                out.add(new DestinationRef(d, true, VirtualServicePaths.mirrorsHost(i, j)));
            }
        }
        return out;
    }

    private static void addL4(List<DestinationRef> out, String kind, int rule, List<RouteDestination> routes) {
        List<RouteDestination> list = orEmpty(routes);
        for (int j = 0; j < list.size(); j++) {
            Destination d = list.get(j) == null ? null : list.get(j).getDestination();
            out.add(new DestinationRef(d, false, VirtualServicePaths.destinationHost(kind, rule, j)));
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
