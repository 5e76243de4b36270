package io.gwctl.proxy.stats;

import static java.util.Objects.requireNonNull;

/**
 * One statistic as Envoy's admin lists it.
 *
 * @param name      the full Envoy name ({@code cluster.outbound|8000||httpbin.default.svc.cluster.local.upstream_rq_200})
 * @param type      counter, gauge or histogram
 * @param value     the counter or gauge value; 0 for a histogram
 * @param histogram the histogram's buckets and percentiles; null unless {@code type} is {@link Type#HISTOGRAM}
 */
public record Stat(String name, Type type, long value, Histogram.Summary histogram) {

    /** Envoy's three stat kinds (text readouts are not used). */
    public enum Type {
        COUNTER,
        GAUGE,
        HISTOGRAM
    }

    public Stat {
        requireNonNull(name, "name");
        requireNonNull(type, "type");
        if ((type == Type.HISTOGRAM) != (histogram != null)) {
            throw new IllegalArgumentException("a histogram summary goes with a HISTOGRAM stat, and only with one: " + name);
        }
    }
}
