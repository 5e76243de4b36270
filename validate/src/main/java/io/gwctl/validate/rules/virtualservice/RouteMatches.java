package io.gwctl.validate.rules.virtualservice;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequest;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.L4MatchAttributes;
import io.fabric8.istio.api.api.networking.v1alpha3.TCPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.TLSMatchAttributes;
import io.fabric8.istio.api.api.networking.v1alpha3.TLSRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.VirtualService;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Walks the matches of a VirtualService's HTTP, TLS and TCP routes, skipping null routes and null matches
 * (which other rules report) as Istio's per-match checks do.
 */
final class RouteMatches {

    private RouteMatches() {
    }

    /** What to do with one match. */
    @FunctionalInterface
    interface Visitor<M> {
        /**
         * @param match the match, never null
         * @param path  its field path, such as {@code spec.http[i].match[j]}
         */
        void visit(M match, String path);
    }

    static void http(VirtualService vs, Visitor<HTTPMatchRequest> visitor) {
        walk(vs.getHttp(), HTTPRoute::getMatch, VirtualServicePaths::http, visitor);
    }

    static void tls(VirtualService vs, Visitor<TLSMatchAttributes> visitor) {
        walk(vs.getTls(), TLSRoute::getMatch, VirtualServicePaths::tls, visitor);
    }

    static void tcp(VirtualService vs, Visitor<L4MatchAttributes> visitor) {
        walk(vs.getTcp(), TCPRoute::getMatch, VirtualServicePaths::tcp, visitor);
    }

    private static <R, M> void walk(List<R> rules, Function<R, List<M>> matchesOf, IntFunction<String> pathOf,
            Visitor<M> visitor) {
        List<R> routes = ZeroValues.list(rules);
        for (int i = 0; i < routes.size(); i++) {
            if (routes.get(i) == null) {
                continue;
            }
            List<M> matches = ZeroValues.list(matchesOf.apply(routes.get(i)));
            for (int j = 0; j < matches.size(); j++) {
                if (matches.get(j) != null) {
                    visitor.visit(matches.get(j), VirtualServicePaths.match(pathOf.apply(i), j));
                }
            }
        }
    }
}
