package io.gwctl.proxy.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Envoy's {@code /stats} text (envoyproxy/envoy source/server/admin/stats_render.cc, {@code StatsTextRender}):
 * counters and gauges as {@code name: value}, sorted by name, then histograms as
 * {@code name: P0(interval,cumulative) P25(..) P50(..) P75(..) P90(..) P95(..) P99(..) P99.5(..) P99.9(..) P100(..)}
 * in milliseconds ({@code ParentHistogramImpl::quantileSummary}), or {@code name: No recorded values}.
 *
 * <p>Envoy's interval column covers the values since its last stats flush; the embedded gateway does not
 * flush, so the interval is always {@code nan}, which is what Envoy prints for an interval without values.
 */
public final class StatsText {

    private static final String[] QUANTILE_LABELS = {"P0", "P25", "P50", "P75", "P90", "P95", "P99", "P99.5", "P99.9", "P100"};

    private StatsText() {
    }

    /** Every stat of {@code stats} whose name {@code filter} finds (all when it is null). */
    public static String render(GatewayStats stats, Pattern filter) {
        List<Stat> histograms = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        for (Stat stat : stats.snapshot()) {
            if (filter != null && !filter.matcher(stat.name()).find()) {
                continue;
            }
            if (stat.type() == Stat.Type.HISTOGRAM) {
                histograms.add(stat);
            } else {
                out.append(stat.name()).append(": ").append(stat.value()).append('\n');
            }
        }
        for (Stat stat : histograms) {
            out.append(stat.name()).append(": ").append(quantileSummary(stat.histogram())).append('\n');
        }
        return out.toString();
    }

    static String quantileSummary(Histogram.Summary summary) {
        if (summary.count() == 0) {
            return "No recorded values";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < QUANTILE_LABELS.length; i++) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(QUANTILE_LABELS[i]).append("(nan,")
                    .append(Milliseconds.of(summary.quantile(Histogram.SUPPORTED_QUANTILES[i]))).append(')');
        }
        return out.toString();
    }
}
