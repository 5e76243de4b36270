package io.gwctl.proxy.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Envoy's {@code /stats/prometheus} (envoyproxy/envoy source/server/admin/prometheus_stats.cc): each stat's
 * tags are taken out of its name, the rest becomes the metric family {@code envoy_<name with [^a-zA-Z0-9_]
 * replaced by _>}, and every family is printed as one group under its {@code # TYPE} line, counters first,
 * then gauges, then histograms, each group followed by a blank line:
 *
 * <pre>
 * # TYPE envoy_cluster_upstream_rq counter
 * envoy_cluster_upstream_rq{envoy_response_code="200",envoy_cluster_name="outbound|8000||httpbin.default.svc.cluster.local"} 3
 *
 * # TYPE envoy_http_downstream_rq_xx counter
 * envoy_http_downstream_rq_xx{envoy_response_code_class="2",envoy_http_conn_manager_prefix="outbound_0.0.0.0_8080"} 3
 * </pre>
 *
 * Tags, as Envoy's default extractors (source/common/config/well_known_names.cc) find them:
 * {@code envoy.response_code} ({@code _rq(_(\d{3}))$}), {@code envoy.response_code_class}
 * ({@code _rq_(\d)xx$}), then the scope's tag ({@link Scope}). Histograms print as {@code _bucket} lines with
 * Envoy's {@code le} bounds in milliseconds, then {@code _sum} (ms) and {@code _count}.
 */
public final class PrometheusText {

    private static final Pattern RESPONSE_CODE = Pattern.compile("(.*_rq)_(\\d{3})");
    private static final Pattern RESPONSE_CODE_CLASS = Pattern.compile("(.*_rq_)(\\d)xx");
    private static final Pattern NOT_PROMETHEUS = Pattern.compile("[^a-zA-Z0-9_]");

    private PrometheusText() {
    }

    /** One tag of a metric, named as Envoy names it ({@code envoy.cluster_name}). */
    record Tag(String name, String value) {
    }

    /** A stat with its tags taken out of its name. */
    record Metric(String family, List<Tag> tags, Stat stat) {
    }

    /** Every stat of {@code stats} whose full Envoy name {@code filter} finds (all when it is null). */
    public static String render(GatewayStats stats, Pattern filter) {
        Map<Stat.Type, Map<String, List<Metric>>> byType = new TreeMap<>();
        for (Scope.Entry entry : stats.entries()) {
            if (filter != null && !filter.matcher(entry.stat().name()).find()) {
                continue;
            }
            Metric metric = metric(entry);
            byType.computeIfAbsent(entry.stat().type(), t -> new TreeMap<>())
                    .computeIfAbsent(metric.family(), f -> new ArrayList<>()).add(metric);
        }
        StringBuilder out = new StringBuilder();
        byType.forEach((type, families) -> families.forEach((family, metrics) -> {
            out.append("# TYPE ").append(family).append(' ').append(type.name().toLowerCase(Locale.ROOT)).append('\n');
            // Entries come sorted by full stat name, the order Envoy prints a family's lines in.
            for (Metric metric : metrics) {
                if (type == Stat.Type.HISTOGRAM) {
                    appendHistogram(out, metric);
                } else {
                    out.append(family).append('{').append(labels(metric.tags())).append("} ")
                            .append(metric.stat().value()).append('\n');
                }
            }
            out.append('\n');
        }));
        return out.toString();
    }

    /** The family and tags of one stat. */
    static Metric metric(Scope.Entry entry) {
        List<Tag> tags = new ArrayList<>(2);
        String leaf = entry.leaf();
        Matcher code = RESPONSE_CODE.matcher(leaf);
        Matcher codeClass = RESPONSE_CODE_CLASS.matcher(leaf);
        if (code.matches()) {
            leaf = code.group(1);
            tags.add(new Tag("envoy.response_code", code.group(2)));
        } else if (codeClass.matches()) {
            leaf = codeClass.group(1) + "xx";
            tags.add(new Tag("envoy.response_code_class", codeClass.group(2)));
        }
        Scope scope = entry.scope();
        String extracted;
        if (scope.tagged()) {
            extracted = scope.root() + "." + leaf;
            tags.add(new Tag(scope.tagName(), scope.name()));
        } else {
            extracted = scope.statName(leaf);
        }
        return new Metric("envoy_" + sanitize(extracted), List.copyOf(tags), entry.stat());
    }

    private static void appendHistogram(StringBuilder out, Metric metric) {
        String family = metric.family();
        String labels = labels(metric.tags());
        String bucketLabels = labels.isEmpty() ? "" : labels + ",";
        Histogram.Summary summary = metric.stat().histogram();
        long[] bounds = summary.bucketBounds();
        long[] cumulative = summary.cumulativeCounts();
        for (int i = 0; i < bounds.length; i++) {
            out.append(family).append("_bucket{").append(bucketLabels).append("le=\"").append(Milliseconds.of(bounds[i]))
                    .append("\"} ").append(cumulative[i]).append('\n');
        }
        out.append(family).append("_bucket{").append(bucketLabels).append("le=\"+Inf\"} ").append(summary.count()).append('\n');
        out.append(family).append("_sum{").append(labels).append("} ").append(Milliseconds.of(summary.sum())).append('\n');
        out.append(family).append("_count{").append(labels).append("} ").append(summary.count()).append('\n');
    }

    private static String labels(List<Tag> tags) {
        StringBuilder out = new StringBuilder();
        for (Tag tag : tags) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(sanitize(tag.name())).append("=\"").append(escape(tag.value())).append('"');
        }
        return out.toString();
    }

    private static String sanitize(String name) {
        return NOT_PROMETHEUS.matcher(name).replaceAll("_");
    }

    /** A label value as the exposition format requires: backslash, double quote and newline escaped. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
