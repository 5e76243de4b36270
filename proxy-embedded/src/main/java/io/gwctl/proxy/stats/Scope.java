package io.gwctl.proxy.stats;

import static java.util.Objects.requireNonNull;

import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Where a stat lives: Envoy's root ({@code cluster}, {@code http}, {@code tcp}, {@code listener}), the scope's
 * name (the cluster name, the connection manager's or TCP proxy's stat prefix, the listener address) and the tag
 * that name becomes in Prometheus ({@code envoy.cluster_name}, {@code envoy.http_conn_manager_prefix},
 * {@code envoy.tcp_prefix}, {@code envoy.listener_address};
 * envoyproxy/envoy source/common/config/well_known_names.h).
 *
 * <p>Envoy finds the scope's name again by regex over the flattened stat name
 * (source/common/config/well_known_names.cc); its default {@code ^cluster\.((.*?)\.)} stops at the first dot,
 * so Istio's cluster names ({@code outbound|8000||httpbin.default.svc.cluster.local}) come out cut unless the
 * bootstrap brings its own {@code stats_tags}, as Istio's does. Here every stat is made from its parts, so the
 * tag is the whole name, as Istio's bootstrap makes it. A listener name is tagged only when Envoy's own
 * {@code listener_address} pattern accepts it (digits, dots, underscores, or an IPv6 form); otherwise it stays
 * in the metric name, as in Envoy.
 */
record Scope(String root, String tagName, String name, boolean tagged) {

    /** Envoy's value pattern for {@code envoy.listener_address}. */
    private static final Pattern LISTENER_ADDRESS = Pattern.compile("[_.\\d]*|[_\\[\\]aAbBcCdDeEfF\\d]*");

    Scope {
        requireNonNull(root, "root");
        requireNonNull(tagName, "tagName");
        requireNonNull(name, "name");
    }

    static Scope cluster(String name) {
        return new Scope("cluster", "envoy.cluster_name", name, true);
    }

    static Scope http(String statPrefix) {
        return new Scope("http", "envoy.http_conn_manager_prefix", statPrefix, true);
    }

    static Scope tcp(String statPrefix) {
        return new Scope("tcp", "envoy.tcp_prefix", statPrefix, true);
    }

    static Scope listener(String name) {
        return new Scope("listener", "envoy.listener_address", name, LISTENER_ADDRESS.matcher(name).matches());
    }

    /** The full Envoy name of {@code leaf} in this scope: {@code cluster.<name>.upstream_rq_total}. */
    String statName(String leaf) {
        return root + "." + name + "." + leaf;
    }

    /** One stat with where it lives: the scope, and its name inside the scope ({@code upstream_rq_200}). */
    record Entry(Scope scope, String leaf, Stat stat) {
    }

    /** Hands this scope's counters, gauges and histograms, read now, to a consumer. */
    final class Collector {

        private final Consumer<Entry> out;

        private Collector(Consumer<Entry> out) {
            this.out = out;
        }

        void counter(String leaf, long value) {
            out.accept(new Entry(Scope.this, leaf, new Stat(statName(leaf), Stat.Type.COUNTER, value, null)));
        }

        void gauge(String leaf, long value) {
            out.accept(new Entry(Scope.this, leaf, new Stat(statName(leaf), Stat.Type.GAUGE, value, null)));
        }

        void histogram(String leaf, Histogram histogram) {
            out.accept(new Entry(Scope.this, leaf, new Stat(statName(leaf), Stat.Type.HISTOGRAM, 0, histogram.summary())));
        }
    }

    Collector collector(Consumer<Entry> out) {
        return new Collector(out);
    }
}
