package io.gwctl.proxy.stats;

import java.math.BigDecimal;

/**
 * Microseconds printed as Envoy prints a millisecond histogram value: the shortest decimal, no exponent, no
 * trailing zeros ({@code 500 -> "0.5"}, {@code 3_600_000_000 -> "3600000"}, {@code 12_345.6 -> "12.346"}).
 * Values are rounded to the microsecond, the precision they were recorded with.
 */
final class Milliseconds {

    private Milliseconds() {
    }

    /** {@code micros} in milliseconds; NaN prints as {@code nan}, as Envoy's {@code fmt} does. */
    static String of(double micros) {
        if (Double.isNaN(micros)) {
            return "nan";
        }
        BigDecimal millis = BigDecimal.valueOf(Math.round(micros)).movePointLeft(3).stripTrailingZeros();
        return millis.signum() == 0 ? "0" : millis.toPlainString();
    }
}
