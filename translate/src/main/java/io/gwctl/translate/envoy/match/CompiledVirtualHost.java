package io.gwctl.translate.envoy.match;

import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import java.util.ArrayList;
import java.util.List;

/** A virtual host prepared for matching: its routes in order, each compiled once. */
public final class CompiledVirtualHost {

    private final VirtualHost proto;
    private final int index;
    private final List<CompiledRoute> routes;

    CompiledVirtualHost(VirtualHost proto, int index) {
        this.proto = proto;
        this.index = index;
        List<CompiledRoute> compiled = new ArrayList<>(proto.getRoutesCount());
        for (int i = 0; i < proto.getRoutesCount(); i++) {
            compiled.add(new CompiledRoute(proto.getRoutes(i), i));
        }
        this.routes = List.copyOf(compiled);
    }

    public VirtualHost proto() {
        return proto;
    }

    /** The virtual host's position in its route configuration. */
    public int index() {
        return index;
    }

    /**
     * Whether a plaintext request must be redirected to https: {@code require_tls} {@code ALL}, or
     * {@code EXTERNAL_ONLY} for requests Envoy does not mark internal ({@code x-envoy-internal: true}).
     */
    public boolean requiresTls(HttpRequestView request) {
        return switch (proto.getRequireTls()) {
            case ALL -> true;
            case EXTERNAL_ONLY -> !request.header("x-envoy-internal").contains("true");
            default -> false;
        };
    }

    /** The first route that matches, or null (Envoy then answers 404). */
    public CompiledRoute route(HttpRequestView request) {
        for (CompiledRoute r : routes) {
            if (r.matches(request)) {
                return r;
            }
        }
        return null;
    }

    public List<CompiledRoute> routes() {
        return routes;
    }
}
