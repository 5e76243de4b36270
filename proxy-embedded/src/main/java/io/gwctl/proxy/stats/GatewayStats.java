package io.gwctl.proxy.stats;

import java.util.concurrent.ConcurrentHashMap;

/** Interim. */
public final class GatewayStats {
    private final ConcurrentHashMap<String, ClusterStats> clusters = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, HttpStats> http = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ListenerStats> listeners = new ConcurrentHashMap<>();

    public ClusterStats cluster(String name) {
        ClusterStats s = clusters.get(name);
        return s != null ? s : clusters.computeIfAbsent(name, n -> new ClusterStats());
    }

    public HttpStats http(String prefix) {
        HttpStats s = http.get(prefix);
        return s != null ? s : http.computeIfAbsent(prefix, n -> new HttpStats());
    }

    public ListenerStats listener(String name) {
        ListenerStats s = listeners.get(name);
        return s != null ? s : listeners.computeIfAbsent(name, n -> new ListenerStats());
    }
}
