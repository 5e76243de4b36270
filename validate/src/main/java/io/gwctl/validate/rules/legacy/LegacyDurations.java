package io.gwctl.validate.rules.legacy;

import io.gwctl.validate.rules.names.Durations;
import java.time.Duration;
import java.util.Optional;

/**
 * Istio 0.8's {@code ValidateDuration}: a duration must be set, at least 1ms, and whole milliseconds.
 * Unlike today's check, a duration that is not set fails too, with protobuf's
 * {@code "duration: nil Duration"}: 0.8 checked some optional durations unconditionally.
 */
final class LegacyDurations {

    private LegacyDurations() {
    }

    /** The message for {@code text} (null when not written), or empty when it is fine. */
    static Optional<String> check(String text) {
        return text == null ? Optional.of("duration: nil Duration") : Durations.check(text);
    }

    /** Whether {@code text} parses to a duration with a fraction of a second, as {@code 1.5s} does. */
    static boolean hasFractionalSeconds(String text) {
        return Durations.parse(text).map(Duration::getNano).filter(n -> n != 0).isPresent();
    }
}
