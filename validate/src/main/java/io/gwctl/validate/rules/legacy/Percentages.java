package io.gwctl.validate.rules.legacy;

import java.util.Optional;

/**
 * Istio 0.8's {@code ValidatePercent} and {@code ValidateFloatPercent}: a percentage is within 0..100.
 * The value is printed as Go's {@code %v} prints it ({@code 101}, {@code 100.5}).
 */
final class Percentages {

    private Percentages() {
    }

    static Optional<String> check(int value) {
        return value < 0 || value > 100
                ? Optional.of("percentage " + value + " is not in range 0..100")
                : Optional.empty();
    }

    static Optional<String> check(float value) {
        return value < 0f || value > 100f
                ? Optional.of("percentage " + format(value) + " is not in range 0..100")
                : Optional.empty();
    }

    private static String format(float value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e21f) {
            return Long.toString((long) value);
        }
        return Float.toString(value);
    }
}
