package io.gwctl.translate.envoy.match;

import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import java.util.ArrayList;
import java.util.List;

/** Interim. */
public final class CompiledVirtualHost {
    private final VirtualHost proto;
    private final int index;
    private final List<CompiledRoute> routes = new ArrayList<>();

    CompiledVirtualHost(VirtualHost proto, int index) {
        this.proto = proto;
        this.index = index;
        for (int i = 0; i < proto.getRoutesCount(); i++) {
            routes.add(new CompiledRoute(proto.getRoutes(i), i));
        }
    }

    public VirtualHost proto() {
        return proto;
    }

    public int index() {
        return index;
    }

    public boolean requiresTls(HttpRequestView request) {
        return switch (proto.getRequireTls()) {
            case ALL -> true;
            case EXTERNAL_ONLY -> !request.header("x-envoy-internal").contains("true");
            default -> false;
        };
    }

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
