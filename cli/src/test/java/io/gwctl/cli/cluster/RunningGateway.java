package io.gwctl.cli.cluster;

import io.gwctl.cli.CommandLineFactory;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code gwctl run-gateway} running in-process on a thread of its own, as {@code gwctl shell} runs it: what it
 * prints can be read while it runs, and {@link #close()} stops it as the shell's Ctrl-C does (an interrupt).
 */
final class RunningGateway implements AutoCloseable {

    private static final Pattern LISTENER = Pattern.compile("listener \\S+ on http://(\\S+)");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicInteger exitCode = new AtomicInteger(-1);
    private final Thread thread;

    private RunningGateway(String... args) {
        thread = new Thread(() -> exitCode.set(CommandLineFactory.create(new PrintWriter(out, true),
                new PrintWriter(err, true), new ByteArrayInputStream(new byte[0]), Map.of("NO_COLOR", "1"))
                .execute(args)), "run-gateway-under-test");
        thread.start();
    }

    /** Starts {@code gwctl ARGS} and waits for it to say {@code ready}; fails with what it printed if it ends first. */
    static RunningGateway start(String... args) {
        RunningGateway gateway = new RunningGateway(args);
        gateway.await(() -> gateway.out().contains("\nready\n") || !gateway.thread.isAlive(), "ready");
        if (!gateway.thread.isAlive()) {
            throw new AssertionError("run-gateway ended before it was ready: " + gateway);
        }
        return gateway;
    }

    /** The first listener's {@code host:port}. */
    String listener() {
        Matcher m = LISTENER.matcher(out());
        if (!m.find()) {
            throw new AssertionError("no listener line: " + this);
        }
        return m.group(1);
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    /** Polls {@code condition} for up to 20 seconds; fails with {@code what} and the output when it never holds. */
    void await(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited in vain for " + what + ": " + this);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    /** Interrupts the command and waits for it to return; its exit code. */
    int stop() throws InterruptedException {
        thread.interrupt();
        thread.join(Duration.ofSeconds(20).toMillis());
        if (thread.isAlive()) {
            throw new AssertionError("run-gateway did not stop: " + this);
        }
        return exitCode.get();
    }

    @Override
    public void close() throws InterruptedException {
        if (thread.isAlive()) {
            stop();
        }
    }

    @Override
    public String toString() {
        return "\n--- stdout ---\n" + out() + "--- stderr ---\n" + err();
    }
}
