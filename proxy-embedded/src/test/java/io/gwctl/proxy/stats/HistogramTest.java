package io.gwctl.proxy.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class HistogramTest {

    @Test
    void bucketsAreEnvoysDefaultBoundsInMicroseconds() {
        Histogram.Summary summary = new Histogram().summary();
        assertThat(summary.bucketBounds()).containsExactly(500L, 1_000L, 5_000L, 10_000L, 25_000L, 50_000L, 100_000L,
                250_000L, 500_000L, 1_000_000L, 2_500_000L, 5_000_000L, 10_000_000L, 30_000_000L, 60_000_000L,
                300_000_000L, 600_000_000L, 1_800_000_000L, 3_600_000_000L);
        assertThat(summary.count()).isZero();
        assertThat(summary.p50()).as("no values, no median").isNaN();
    }

    @Test
    void aValueOnABoundCountsInThatBoundsBucket() {
        Histogram histogram = new Histogram();
        histogram.record(500);
        histogram.record(501);
        histogram.record(-3);
        Histogram.Summary summary = histogram.summary();
        assertThat(summary.cumulativeCounts()[0]).as("le=0.5 is inclusive, and a negative value counts as 0").isEqualTo(2);
        assertThat(summary.cumulativeCounts()[1]).isEqualTo(3);
        assertThat(summary.sum()).isEqualTo(1_001);
    }

    @Test
    void percentilesAreInterpolatedWithinTheirBucket() {
        Histogram histogram = new Histogram();
        for (int i = 0; i < 50; i++) {
            histogram.record(700);
            histogram.record(3_000);
        }
        Histogram.Summary summary = histogram.summary();
        assertThat(summary.count()).isEqualTo(100);
        assertThat(summary.sum()).isEqualTo(185_000);
        assertThat(summary.p50()).as("the 50th value is the last of the (0.5, 1] ms bucket").isCloseTo(1_000, within(1e-6));
        assertThat(summary.p90()).as("40 of the 50 values in (1, 5] ms").isCloseTo(4_200, within(1e-6));
        assertThat(summary.p99()).isCloseTo(4_920, within(1e-6));
        assertThat(summary.p999()).isCloseTo(4_992, within(1e-6));
        assertThat(summary.quantile(0)).as("the lower bound of the first bucket with values").isCloseTo(500, within(1e-6));
        assertThat(summary.quantile(1)).isCloseTo(5_000, within(1e-6));
    }

    @Test
    void aValueAboveTheLastBoundCountsOnlyInTheTotal() {
        Histogram histogram = new Histogram();
        histogram.record(4_000_000_000L);
        Histogram.Summary summary = histogram.summary();
        assertThat(summary.cumulativeCounts()).containsOnly(0L);
        assertThat(summary.count()).isEqualTo(1);
        assertThat(summary.p50()).as("all a bucketed histogram can say: above the last bound").isEqualTo(3_600_000_000.0);
    }

    @Test
    void summaryArraysCannotBeChangedFromOutside() {
        Histogram histogram = new Histogram();
        histogram.record(1);
        Histogram.Summary summary = histogram.summary();
        summary.cumulativeCounts()[0] = 99;
        assertThat(summary.cumulativeCounts()[0]).isEqualTo(1);
    }
}
