package io.gwctl.translate.envoy.route;

import com.google.protobuf.Duration;
import io.gwctl.validate.rules.names.Durations;
import java.util.Optional;

/** Istio's Go-style duration strings ({@code 1.5s}, {@code 100ms}) as protobuf durations. */
final class ProtoDuration {

    private ProtoDuration() {
    }

    /** The duration {@code text} denotes; empty when it is null or not a duration. */
    static Optional<Duration> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        return Durations.parse(text).map(d -> Duration.newBuilder().setSeconds(d.getSeconds()).setNanos(d.getNano()).build());
    }
}
