package io.gwctl.translate.legacy;

import io.gwctl.validate.rules.names.Durations;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/**
 * Legacy durations were written in Go's syntax ({@code 3m}); the converted objects carry them in the
 * seconds form protobuf's JSON mapping prints ({@code 180s}, {@code 0.5s}), which every Istio version
 * reads. The value is kept exactly (Istio's goldens print {@code 180.000s} for the same value).
 */
final class ProtoDurations {

    private ProtoDurations() {
    }

    /** {@code text} in seconds form, or empty when it is not a duration. */
    static Optional<String> seconds(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        return Durations.parse(text).map(ProtoDurations::format);
    }

    static String format(Duration d) {
        BigDecimal s = BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9));
        return s.stripTrailingZeros().toPlainString() + "s";
    }
}
