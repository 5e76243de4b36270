package io.gwctl.proxy.tcp;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The idle timer of one proxied connection: fires once no byte has moved either way for the timeout. Envoy
 * re-arms its timer on every read and write (envoyproxy/envoy source/common/tcp_proxy/tcp_proxy.cc,
 * {@code resetIdleTimer}); here activity only records the time, and the one scheduled task re-schedules
 * itself for what is left, so a busy connection costs no timer operation per read. Used on one event loop only.
 */
final class IdleTimeout {

    private final EventLoop loop;
    private final long timeoutNanos;
    private final Runnable onIdle;
    private long lastActivity;
    private ScheduledFuture<?> timer;

    /** A timer for {@code timeout}; a zero timeout never fires. */
    IdleTimeout(EventLoop loop, Duration timeout, Runnable onIdle) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.timeoutNanos = Objects.requireNonNull(timeout, "timeout").toNanos();
        this.onIdle = Objects.requireNonNull(onIdle, "onIdle");
    }

    void start() {
        if (timeoutNanos <= 0 || timer != null) {
            return;
        }
        lastActivity = System.nanoTime();
        schedule(timeoutNanos);
    }

    /** Bytes moved: the connection is not idle now. */
    void touch() {
        lastActivity = System.nanoTime();
    }

    void cancel() {
        if (timer != null) {
            timer.cancel(false);
        }
        timer = null;
    }

    private void schedule(long delayNanos) {
        timer = loop.schedule(this::check, delayNanos, TimeUnit.NANOSECONDS);
    }

    private void check() {
        if (timer == null) {
            return;
        }
        long idle = System.nanoTime() - lastActivity;
        if (idle >= timeoutNanos) {
            timer = null;
            onIdle.run();
        } else {
            schedule(timeoutNanos - idle);
        }
    }
}
