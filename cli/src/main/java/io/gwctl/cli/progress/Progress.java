package io.gwctl.cli.progress;

import io.gwctl.cli.Environment;
import io.gwctl.model.source.LoadListener;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One status line on stderr for long work on a terminal, such as {@code validating 1200/5000 files...} or
 * {@code reading VirtualServices from cluster kind-dev: 1,240 objects}: redrawn
 * in place with a carriage return at most ten times a second, and erased when the work is done, so what stays on
 * the screen is the command's output alone. Work that ends within the first tenth of a second shows nothing.
 *
 * <p>Only a person at a terminal sees it: never when the output is piped or redirected, on {@code TERM=dumb}, or
 * when the command prints data ({@code -o json|yaml}) for a person to copy. Standard output is never touched.
 */
public final class Progress implements LoadListener, AutoCloseable {

    /** The shortest time between two redraws, and before the first. */
    static final long INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final PrintWriter err;
    private final String verb;
    private final String unit;
    private final LongSupplier nanoClock;
    private final boolean enabled;
    private long lastDraw;
    private int done;
    private int drawnWidth;

    /**
     * @param err       where the line is drawn (standard error)
     * @param verb      what is being done, e.g. {@code validating}
     * @param unit      what is counted, e.g. {@code files}
     * @param nanoClock a monotonic clock in nanoseconds ({@code System::nanoTime})
     * @param enabled   whether to draw at all; see {@link #wanted(Environment, boolean)}
     */
    public Progress(PrintWriter err, String verb, String unit, LongSupplier nanoClock, boolean enabled) {
        this.err = Objects.requireNonNull(err, "err");
        this.verb = Objects.requireNonNull(verb, "verb");
        this.unit = Objects.requireNonNull(unit, "unit");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.enabled = enabled;
        this.lastDraw = nanoClock.getAsLong();
    }

    /** Progress of {@code validate} reading its files or a cluster, shown when {@link #wanted} says so. */
    public static Progress validating(Environment environment, boolean dataOutput, PrintWriter err) {
        return new Progress(err, "validating", "files", System::nanoTime, wanted(environment, dataOutput));
    }

    /** Progress that is never shown, for work no person watches. */
    public static Progress none() {
        return new Progress(new PrintWriter(Writer.nullWriter()), "", "", System::nanoTime, false);
    }

    /** Progress of a command reading its input from a cluster, shown when {@link #wanted} says so. */
    public static Progress reading(Environment environment, boolean dataOutput, PrintWriter err) {
        return new Progress(err, "reading", "files", System::nanoTime, wanted(environment, dataOutput));
    }

    /**
     * Whether a progress line may be drawn: a person reads a terminal (which is never so when the output is piped),
     * it can move the cursor back ({@code TERM} is not {@code dumb}), and the output is not data such as JSON
     * going to that same terminal.
     */
    public static boolean wanted(Environment environment, boolean dataOutput) {
        return environment.terminal() && !"dumb".equals(environment.variables().get("TERM")) && !dataOutput;
    }

    @Override
    public synchronized void loaded(int done, int total) {
        if (!enabled || done <= this.done) {
            return;
        }
        this.done = done;
        if (done < total) {
            draw(verb + " " + done + "/" + total + " " + unit + "...");
        }
    }

    /**
     * Shows {@code line} for work whose end is not known in advance, such as reading a cluster, under the same
     * rule as counted work: at most ten times a second, and nothing within the first tenth.
     */
    public synchronized void status(String line) {
        Objects.requireNonNull(line, "line");
        if (enabled) {
            draw(line);
        }
    }

    private void draw(String line) {
        long now = nanoClock.getAsLong();
        if (now - lastDraw < INTERVAL_NANOS) {
            return;
        }
        lastDraw = now;
        err.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - line.length())));
        err.flush();
        drawnWidth = Math.max(drawnWidth, line.length());
    }

    /** Erases the line, if one was drawn. */
    @Override
    public synchronized void close() {
        if (drawnWidth > 0) {
            err.print("\r" + " ".repeat(drawnWidth) + "\r");
            err.flush();
            drawnWidth = 0;
        }
    }
}
