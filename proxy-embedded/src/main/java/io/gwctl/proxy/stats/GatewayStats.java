package io.gwctl.proxy.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Every stat of one running gateway, as Envoy's stats store holds them: per cluster, per HTTP connection
 * manager, per TCP proxy and per listener, each scope created the first time the data plane asks for it and kept afterwards.
 *
 * <p>The data plane should keep the scope objects it gets (one {@link ClusterStats} per cluster it routes to);
 * asking again is a plain map read, without a lock or an allocation once the scope exists.
 */
public final class GatewayStats {

    private final ConcurrentMap<String, ClusterStats> clusters = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, HttpStats> http = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, TcpStats> tcp = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ListenerStats> listeners = new ConcurrentHashMap<>();

    public GatewayStats() {
    }

    /** The stats of the cluster {@code clusterName} ({@code outbound|8000||httpbin.default.svc.cluster.local}). */
    public ClusterStats cluster(String clusterName) {
        ClusterStats stats = clusters.get(clusterName);
        return stats != null ? stats : clusters.computeIfAbsent(clusterName, ClusterStats::new);
    }

    /** The stats of the HTTP connection manager whose {@code stat_prefix} is {@code statPrefix} ({@code outbound_0.0.0.0_8080}). */
    public HttpStats http(String statPrefix) {
        HttpStats stats = http.get(statPrefix);
        return stats != null ? stats : http.computeIfAbsent(statPrefix, HttpStats::new);
    }

    /** The stats of the TCP proxies whose {@code stat_prefix} is {@code statPrefix} (Istio's: the cluster name). */
    public TcpStats tcp(String statPrefix) {
        TcpStats stats = tcp.get(statPrefix);
        return stats != null ? stats : tcp.computeIfAbsent(statPrefix, TcpStats::new);
    }

    /** The stats of the listener {@code listenerName} ({@code 0.0.0.0_8080}). */
    public ListenerStats listener(String listenerName) {
        ListenerStats stats = listeners.get(listenerName);
        return stats != null ? stats : listeners.computeIfAbsent(listenerName, ListenerStats::new);
    }

    /** Every stat now, sorted by Envoy name. */
    public List<Stat> snapshot() {
        return entries().stream().map(Scope.Entry::stat).toList();
    }

    /** Every stat now with its scope, sorted by Envoy name: what the printers need to tag Prometheus metrics. */
    List<Scope.Entry> entries() {
        List<Scope.Entry> out = new ArrayList<>();
        clusters.values().forEach(c -> c.collect(c.scope().collector(out::add)));
        http.values().forEach(h -> h.collect(h.scope().collector(out::add)));
        tcp.values().forEach(t -> t.collect(t.scope().collector(out::add)));
        listeners.values().forEach(l -> l.collect(l.scope().collector(out::add)));
        out.sort(Comparator.comparing(e -> e.stat().name()));
        return out;
    }
}
