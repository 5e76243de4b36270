package io.gwctl.validate.rules.names;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as Istio's CRDs take them: Go's {@code time.ParseDuration} syntax ({@code 1h30m},
 * {@code 1.5s}, {@code 250ms}), which is also what the CRD's CEL {@code duration()} accepts. Istio then
 * requires at least 1ms and millisecond precision ({@code agent.ValidateDuration}).
 */
public final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");
    private static final Duration ONE_MS = Duration.ofMillis(1);

    private Durations() {
    }

    /** The duration {@code text} denotes, when it is one. */
    public static Optional<Duration> parse(String text) {
        String s = text;
        boolean negative = false;
        if (s.startsWith("-") || s.startsWith("+")) {
            negative = s.startsWith("-");
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return Optional.of(Duration.ZERO);
        }
        if (s.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = PART.matcher(s);
        int at = 0;
        BigDecimal nanos = BigDecimal.ZERO;
        while (at < s.length()) {
            if (!m.find(at) || m.start() != at) {
                return Optional.empty();
            }
            nanos = nanos.add(new BigDecimal(m.group(1).startsWith(".") ? "0" + m.group(1) : m.group(1))
                    .multiply(BigDecimal.valueOf(unitNanos(m.group(2)))));
            at = m.end();
        }
        Duration d = Duration.ofNanos(nanos.longValue());
        return Optional.of(negative ? d.negated() : d);
    }

    /**
     * Istio's check of a duration field: the message it gives, or empty when {@code text} is fine.
     * "duration must be greater than 1ms", "only durations to ms precision are supported".
     */
    public static Optional<String> check(String text) {
        Optional<Duration> d = parse(text);
        if (d.isEmpty()) {
            return Optional.of("invalid duration \"" + text + "\": use a number and a unit, e.g. 500ms, 5s, 1m");
        }
        if (d.get().compareTo(ONE_MS) < 0) {
            return Optional.of("duration must be greater than 1ms");
        }
        if (d.get().getNano() % 1_000_000 != 0) {
            return Optional.of("only durations to ms precision are supported");
        }
        return Optional.empty();
    }

    private static long unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> 1L;
            case "us", "µs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            default -> 3_600_000_000_000L;
        };
    }
}
