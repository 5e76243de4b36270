package io.gwctl.translate.envoy.match;

import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A virtual host with its routes compiled. Routes are tried in order and the first that matches wins, as
 * {@code VirtualHostImpl::getRouteFromEntries} in envoyproxy/envoy {@code source/common/router/config_impl.cc}
 * does; before any route, {@code require_tls} may answer a plaintext request with a redirect to https.
 * Immutable and safe to share between threads.
 */
public final class CompiledVirtualHost {

    private final VirtualHost proto;
    private final int index;
    private final List<CompiledRoute> routes;
    private final List<Domain> domains;

    CompiledVirtualHost(VirtualHost proto, int index) {
        this.proto = Objects.requireNonNull(proto, "proto");
        this.index = index;
        List<CompiledRoute> compiled = new ArrayList<>(proto.getRoutesCount());
        for (int i = 0; i < proto.getRoutesCount(); i++) {
            compiled.add(new CompiledRoute(proto.getRoutes(i), i));
        }
        this.routes = List.copyOf(compiled);
        this.domains = proto.getDomainsList().stream().map(Domain::of).toList();
    }

    public VirtualHost proto() {
        return proto;
    }

    /** The virtual host's position in its route configuration. */
    public int index() {
        return index;
    }

    /**
     * Whether Envoy answers this request with its TLS redirect (a 301 to https) instead of routing it: the
     * request did not arrive over TLS and {@code require_tls} is {@code ALL}, or {@code EXTERNAL_ONLY} and the
     * request is not marked internal ({@code x-envoy-internal: true}).
     */
    public boolean requiresTls(HttpRequestView request) {
        if (request.tls()) {
            return false;
        }
        return switch (proto.getRequireTls()) {
            case ALL -> true;
            case EXTERNAL_ONLY -> !request.header("x-envoy-internal").contains("true");
            default -> false;
        };
    }

    /** The first route that matches, or null (Envoy then answers 404). */
    public CompiledRoute route(HttpRequestView request) {
        for (CompiledRoute route : routes) {
            if (route.matches(request)) {
                return route;
            }
        }
        return null;
    }

    /** The routes in config order. */
    public List<CompiledRoute> routes() {
        return routes;
    }

    /** The domains, classified and lower-cased, in config order. */
    List<Domain> domains() {
        return domains;
    }
}
