package io.gwctl.translate.envoy.match;

import io.envoyproxy.envoy.config.route.v3.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Interim. */
public final class CompiledRoute {
    private final Route proto;
    private final int index;

    CompiledRoute(Route proto, int index) {
        this.proto = proto;
        this.index = index;
    }

    public Route proto() {
        return proto;
    }

    public int index() {
        return index;
    }

    public boolean matches(HttpRequestView request) {
        return mismatch(request) == null;
    }

    public String mismatch(HttpRequestView request) {
        Map<String, List<String>> headers = new TreeMap<>();
        for (var h : proto.getMatch().getHeadersList()) {
            headers.put(h.getName().toLowerCase(), request.header(h.getName().toLowerCase()));
        }
        TraceRequest t = new TraceRequest(request.tls() ? "https" : "http", 0, null, request.host(),
                request.path(), request.method(), headers);
        List<String> steps = new ArrayList<>();
        return Routes.select(List.of(proto), t, steps) == null ? steps.get(0) : null;
    }
}
