package io.gwctl.proxy.runtime;

import com.google.protobuf.Duration;
import io.envoyproxy.envoy.config.cluster.v3.OutlierDetection;
import io.gwctl.proxy.stats.ClusterStats;
import io.netty.util.concurrent.EventExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A cluster's outlier detection by consecutive errors, as envoyproxy/envoy
 * {@code source/common/upstream/outlier_detection_impl.cc} does it (success-rate and failure-percentage
 * detection, which Istio turns off, are not done):
 *
 * <ul>
 * <li>every upstream response code is put to its host: a 5xx counts toward {@code consecutive_5xx} (5 by
 * default), a 502, 503 or 504 also toward {@code consecutive_gateway_failure} (5), anything else resets both;
 * a failed connect or reset counts as a 503 and a timeout as a 504, unless
 * {@code split_external_local_origin_errors} counts them toward {@code consecutive_local_origin_failure}
 * instead;</li>
 * <li>reaching a threshold ejects the host when its {@code enforcing_*} percentage says so (100, 0 and 100 by
 * default) and fewer than {@code max_ejection_percent} (10) of the hosts are ejected already;</li>
 * <li>every {@code interval} (10s) a host ejected for at least {@code base_ejection_time} (30s) times its
 * number of ejections (capped at {@code max_ejection_time}, 300s) comes back with its counters reset; a host
 * back for a whole interval has that number lowered by one.</li>
 * </ul>
 *
 * <p>Counting happens on the request's event loop with atomics; ejections and the interval run on one event
 * loop, the first that reported, the way Envoy posts them to its main thread. The interval timer runs only
 * while a host is ejected or has ejections to forget, so a replaced config's detector stops by itself.
 */
public final class OutlierDetector {

    /** Why a request failed without an upstream response code. */
    public enum LocalFailure {
        /** The connection could not be made, or was reset before the response (Envoy maps it to 503). */
        CONNECT_FAILED(503),
        /** The request timed out (mapped to 504). */
        TIMEOUT(504);

        private final int code;

        LocalFailure(int code) {
            this.code = code;
        }
    }

    private static final long DEFAULT_INTERVAL_MS = 10_000;
    private static final long DEFAULT_BASE_EJECTION_MS = 30_000;
    private static final long DEFAULT_MAX_EJECTION_MS = 300_000;

    private final boolean enabled;
    private final EndpointSlots slots;
    private final Host[] hosts;
    private final int consecutive5xx;
    private final int consecutiveGateway;
    private final int consecutiveLocal;
    private final int enforcing5xx;
    private final int enforcingGateway;
    private final int enforcingLocal;
    private final boolean splitLocal;
    private final long intervalMs;
    private final long baseEjectionMs;
    private final long maxEjectionMs;
    private final int maxEjectionPercent;
    private final boolean alwaysEjectOne;
    private final AtomicReference<EventExecutor> home = new AtomicReference<>();
    private final AtomicBoolean timerArmed = new AtomicBoolean();
    private final AtomicInteger version = new AtomicInteger();
    private int activeEjections;

    /** One host's counters and ejection state. */
    private static final class Host {
        final AtomicInteger consecutive5xx = new AtomicInteger();
        final AtomicInteger consecutiveGateway = new AtomicInteger();
        final AtomicInteger consecutiveLocal = new AtomicInteger();
        volatile boolean ejected;
        long lastEjectionNanos;
        long lastUnejectionNanos;
        int ejections;
    }

    OutlierDetector(boolean configured, OutlierDetection config, EndpointSlots slots) {
        this.enabled = configured;
        this.slots = slots;
        this.hosts = new Host[slots.size()];
        for (int i = 0; i < hosts.length; i++) {
            hosts[i] = new Host();
        }
        this.consecutive5xx = config.hasConsecutive5Xx() ? config.getConsecutive5Xx().getValue() : 5;
        this.consecutiveGateway = config.hasConsecutiveGatewayFailure()
                ? config.getConsecutiveGatewayFailure().getValue() : 5;
        this.consecutiveLocal = config.hasConsecutiveLocalOriginFailure()
                ? config.getConsecutiveLocalOriginFailure().getValue() : 5;
        this.enforcing5xx = config.hasEnforcingConsecutive5Xx() ? config.getEnforcingConsecutive5Xx().getValue() : 100;
        this.enforcingGateway = config.hasEnforcingConsecutiveGatewayFailure()
                ? config.getEnforcingConsecutiveGatewayFailure().getValue() : 0;
        this.enforcingLocal = config.hasEnforcingConsecutiveLocalOriginFailure()
                ? config.getEnforcingConsecutiveLocalOriginFailure().getValue() : 100;
        this.splitLocal = config.getSplitExternalLocalOriginErrors();
        this.intervalMs = config.hasInterval() ? Math.max(1, millis(config.getInterval())) : DEFAULT_INTERVAL_MS;
        this.baseEjectionMs = config.hasBaseEjectionTime() ? millis(config.getBaseEjectionTime())
                : DEFAULT_BASE_EJECTION_MS;
        this.maxEjectionMs = config.hasMaxEjectionTime() ? millis(config.getMaxEjectionTime())
                : DEFAULT_MAX_EJECTION_MS;
        this.maxEjectionPercent = config.hasMaxEjectionPercent()
                ? Math.min(100, config.getMaxEjectionPercent().getValue()) : 10;
        this.alwaysEjectOne = config.hasAlwaysEjectOneHost() && config.getAlwaysEjectOneHost().getValue();
    }

    /** Whether the cluster has {@code outlier_detection}; without it nothing is counted or ejected. */
    public boolean enabled() {
        return enabled;
    }

    /** Whether {@code endpoint} (one of the cluster's own instances) is ejected now. */
    public boolean ejected(Endpoint endpoint) {
        int i = slots.of(endpoint);
        return i >= 0 && hosts[i].ejected;
    }

    boolean ejected(int index) {
        return hosts[index].ejected;
    }

    /** Changes whenever a host is ejected or comes back, so balancers know to recompute their host set. */
    int version() {
        return version.get();
    }

    /** An upstream response with {@code code} from {@code endpoint}. */
    public void putResponse(Endpoint endpoint, int code, ClusterStats stats, EventExecutor loop) {
        if (!enabled) {
            return;
        }
        int i = slots.of(endpoint);
        if (i < 0) {
            return;
        }
        Host host = hosts[i];
        if (code < 500) {
            host.consecutive5xx.set(0);
            host.consecutiveGateway.set(0);
            if (splitLocal) {
                host.consecutiveLocal.set(0);
            }
            return;
        }
        if (code == 502 || code == 503 || code == 504) {
            if (host.consecutiveGateway.incrementAndGet() == consecutiveGateway) {
                post(loop, () -> onConsecutive(i, host.consecutiveGateway, enforcingGateway, stats));
            }
        } else {
            host.consecutiveGateway.set(0);
        }
        if (host.consecutive5xx.incrementAndGet() == consecutive5xx) {
            post(loop, () -> onConsecutive(i, host.consecutive5xx, enforcing5xx, stats));
        }
    }

    /** A request to {@code endpoint} that failed locally: no connection, a reset, a timeout. */
    public void putLocalFailure(Endpoint endpoint, LocalFailure failure, ClusterStats stats, EventExecutor loop) {
        if (!enabled) {
            return;
        }
        int i = slots.of(endpoint);
        if (i < 0) {
            return;
        }
        if (!splitLocal) {
            putResponse(endpoint, failure.code, stats, loop);
            return;
        }
        Host host = hosts[i];
        if (host.consecutiveLocal.incrementAndGet() == consecutiveLocal) {
            post(loop, () -> onConsecutive(i, host.consecutiveLocal, enforcingLocal, stats));
        }
    }

    /**
     * A connection to {@code endpoint} was made and nothing follows it on this layer: Envoy's
     * {@code LocalOriginConnectSuccessFinal}, which {@code tcp_proxy} reports. Without the split it counts as a
     * 200 (both error streaks end); with it, only the local-origin streak ends.
     */
    public void putConnectSuccess(Endpoint endpoint, ClusterStats stats, EventExecutor loop) {
        if (!enabled) {
            return;
        }
        if (!splitLocal) {
            putResponse(endpoint, 200, stats, loop);
            return;
        }
        putConnected(endpoint);
    }

    /**
     * A connection to {@code endpoint} is ready for a request: Envoy's {@code LocalOriginConnectSuccess}, which
     * its router reports for every request a pool connection takes. Only with the split does it count (the
     * local-origin streak ends); without it, the response decides.
     */
    public void putConnected(Endpoint endpoint) {
        if (!enabled || !splitLocal) {
            return;
        }
        int i = slots.of(endpoint);
        if (i >= 0) {
            hosts[i].consecutiveLocal.set(0);
        }
    }

    private void post(EventExecutor loop, Runnable task) {
        home.compareAndSet(null, loop);
        home.get().execute(task);
    }

    /** On the home loop: a counter reached its threshold. */
    private void onConsecutive(int index, AtomicInteger counter, int enforcing, ClusterStats stats) {
        Host host = hosts[index];
        counter.set(0);
        if (host.ejected) {
            return;
        }
        double ejectedPercent = 100.0 * activeEjections / hosts.length;
        if (!(ejectedPercent < maxEjectionPercent || alwaysEjectOne && activeEjections == 0)) {
            stats.outlierEjectionOverflow();
            return;
        }
        if (enforcing < 100 && ThreadLocalRandom.current().nextInt(100) >= enforcing) {
            return;
        }
        activeEjections++;
        host.ejected = true;
        host.lastEjectionNanos = System.nanoTime();
        if (baseEjectionMs * (host.ejections + 1) <= Math.max(baseEjectionMs, maxEjectionMs)) {
            host.ejections++;
        }
        version.incrementAndGet();
        stats.outlierEjection();
        armInterval(stats);
    }

    private void armInterval(ClusterStats stats) {
        if (timerArmed.compareAndSet(false, true)) {
            home.get().schedule(() -> onInterval(stats), intervalMs, TimeUnit.MILLISECONDS);
        }
    }

    /** On the home loop, every interval while there is something to do. */
    private void onInterval(ClusterStats stats) {
        timerArmed.set(false);
        long now = System.nanoTime();
        boolean more = false;
        for (Host host : hosts) {
            if (host.ejected) {
                long ejectedFor = TimeUnit.NANOSECONDS.toMillis(now - host.lastEjectionNanos);
                long due = Math.min(baseEjectionMs * host.ejections, Math.max(baseEjectionMs, maxEjectionMs));
                if (ejectedFor >= due) {
                    host.ejected = false;
                    host.consecutive5xx.set(0);
                    host.consecutiveGateway.set(0);
                    host.consecutiveLocal.set(0);
                    host.lastUnejectionNanos = now;
                    activeEjections--;
                    version.incrementAndGet();
                    stats.outlierUnejection();
                }
            } else if (host.ejections > 0
                    && TimeUnit.NANOSECONDS.toMillis(now - host.lastUnejectionNanos) >= intervalMs) {
                host.ejections--;
            }
            more |= host.ejected || host.ejections > 0;
        }
        if (more) {
            armInterval(stats);
        }
    }

    private static long millis(Duration d) {
        return d.getSeconds() * 1000 + d.getNanos() / 1_000_000;
    }
}
