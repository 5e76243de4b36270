package io.gwctl.translate.envoy.cluster;

import com.google.protobuf.Duration;
import io.gwctl.validate.rules.names.Durations;
import java.util.Optional;

/** Istio's duration strings ({@code 30s}, {@code 1m30s}) as protobuf durations. */
final class ProtoDurations {

    private ProtoDurations() {
    }

    /** {@code text} as a protobuf duration, when it is a Go duration. */
    static Optional<Duration> of(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return Durations.parse(text).map(d -> Duration.newBuilder().setSeconds(d.getSeconds()).setNanos(d.getNano()).build());
    }
}
