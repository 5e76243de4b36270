package io.gwctl.proxy.stats;

import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;

/**
 * A latency histogram with Envoy's default supported buckets (0.5, 1, 5, 10, 25, 50, 100, 250, 500, 1000,
 * 2500, 5000, 10000, 30000, 60000, 300000, 600000, 1800000, 3600000 ms; envoyproxy/envoy
 * source/common/stats/histogram_impl.cc), so {@code /stats/prometheus} prints the same {@code le} labels a real
 * Envoy does.
 *
 * <p>Values are recorded in <b>microseconds</b>: Envoy records whole milliseconds, which turns every request on
 * a laptop into 0; keeping microseconds keeps sub-millisecond latency visible while the printed unit stays
 * Envoy's millisecond. The bounds are therefore Envoy's times 1000, and printers divide by 1000.
 *
 * <p>{@link #record} is lock-free and allocation-free: one {@link LongAdder} per bucket, one for the sum.
 */
public final class Histogram {

    /** Envoy's default supported buckets, in microseconds (Envoy's milliseconds times 1000). */
    static final long[] BOUNDS_MICROS = {
        500L, 1_000L, 5_000L, 10_000L, 25_000L, 50_000L, 100_000L, 250_000L, 500_000L, 1_000_000L, 2_500_000L,
        5_000_000L, 10_000_000L, 30_000_000L, 60_000_000L, 300_000_000L, 600_000_000L, 1_800_000_000L, 3_600_000_000L
    };

    /** The quantiles Envoy's admin prints, as fractions ({@code HistogramStatisticsImpl::supportedQuantiles}). */
    static final double[] SUPPORTED_QUANTILES = {0, 0.25, 0.5, 0.75, 0.90, 0.95, 0.99, 0.995, 0.999, 1};

    /** One counter per bucket; the last holds values above the largest bound. */
    private final LongAdder[] buckets = new LongAdder[BOUNDS_MICROS.length + 1];
    private final LongAdder sum = new LongAdder();

    Histogram() {
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongAdder();
        }
    }

    /** Records one value in microseconds; a negative value (a clock step) counts as 0. */
    public void record(long micros) {
        long value = Math.max(0, micros);
        int found = Arrays.binarySearch(BOUNDS_MICROS, value);
        // A value equal to a bound belongs to that bound's bucket (Prometheus' le is inclusive).
        buckets[found >= 0 ? found : -found - 1].increment();
        sum.add(value);
    }

    /** The count, sum, cumulative bucket counts and percentiles now; concurrent records may land on either side. */
    public Summary summary() {
        long[] cumulative = new long[BOUNDS_MICROS.length];
        long running = 0;
        for (int i = 0; i < BOUNDS_MICROS.length; i++) {
            running += buckets[i].sum();
            cumulative[i] = running;
        }
        long count = running + buckets[BOUNDS_MICROS.length].sum();
        return Summary.of(count, sum.sum(), BOUNDS_MICROS, cumulative);
    }

    /**
     * A histogram read at one moment, in microseconds.
     *
     * @param count            how many values were recorded
     * @param sum              their sum
     * @param p50              the median, interpolated within its bucket; NaN when nothing was recorded
     * @param p90              the 90th percentile
     * @param p99              the 99th percentile
     * @param p999             the 99.9th percentile
     * @param bucketBounds     the upper bound of each bucket (inclusive)
     * @param cumulativeCounts how many values are at most the bound of the same index (Prometheus' {@code le});
     *                         the {@code +Inf} bucket is {@code count}
     */
    public record Summary(long count, long sum, double p50, double p90, double p99, double p999, long[] bucketBounds,
            long[] cumulativeCounts) {

        public Summary {
            bucketBounds = bucketBounds.clone();
            cumulativeCounts = cumulativeCounts.clone();
            if (bucketBounds.length != cumulativeCounts.length) {
                throw new IllegalArgumentException("one cumulative count per bucket bound");
            }
        }

        static Summary of(long count, long sum, long[] bounds, long[] cumulative) {
            return new Summary(count, sum, quantile(0.5, count, bounds, cumulative),
                    quantile(0.9, count, bounds, cumulative), quantile(0.99, count, bounds, cumulative),
                    quantile(0.999, count, bounds, cumulative), bounds, cumulative);
        }

        @Override
        public long[] bucketBounds() {
            return bucketBounds.clone();
        }

        @Override
        public long[] cumulativeCounts() {
            return cumulativeCounts.clone();
        }

        /**
         * The {@code q} quantile (0 to 1), interpolated linearly within the bucket that holds it, as
         * Prometheus' {@code histogram_quantile} does; NaN when nothing was recorded. A quantile in the overflow
         * bucket is the largest bound, the most a bucketed histogram can tell.
         */
        public double quantile(double q) {
            return quantile(q, count, bucketBounds, cumulativeCounts);
        }

        private static double quantile(double q, long count, long[] bounds, long[] cumulative) {
            if (count == 0) {
                return Double.NaN;
            }
            double rank = Math.min(1, Math.max(0, q)) * count;
            long previous = 0;
            for (int i = 0; i < bounds.length; i++) {
                long inBucket = cumulative[i] - previous;
                if (inBucket > 0 && cumulative[i] >= rank) {
                    double lower = i == 0 ? 0 : bounds[i - 1];
                    return lower + (bounds[i] - lower) * (rank - previous) / inBucket;
                }
                previous = cumulative[i];
            }
            return bounds[bounds.length - 1];
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Summary s && count == s.count && sum == s.sum
                    && Arrays.equals(bucketBounds, s.bucketBounds) && Arrays.equals(cumulativeCounts, s.cumulativeCounts);
        }

        @Override
        public int hashCode() {
            return 31 * Long.hashCode(count) + Arrays.hashCode(cumulativeCounts);
        }

        @Override
        public String toString() {
            return "Summary[count=" + count + ", sum=" + sum + ", p50=" + p50 + ", p90=" + p90 + ", p99=" + p99
                    + ", p999=" + p999 + ", cumulativeCounts=" + Arrays.toString(cumulativeCounts) + "]";
        }
    }
}
