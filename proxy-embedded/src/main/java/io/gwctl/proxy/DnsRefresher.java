package io.gwctl.proxy;

import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.gwctl.proxy.dns.DnsAnswers;
import io.gwctl.proxy.dns.DnsClusters;
import io.gwctl.proxy.dns.DnsLookup;
import io.gwctl.proxy.runtime.GatewayRuntime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Keeps the endpoints of the serving config's DNS clusters current, as Envoy's {@code STRICT_DNS} and
 * {@code LOGICAL_DNS} clusters re-resolve every {@code dns_refresh_rate}: on its own daemon thread it looks the
 * names up again after the shortest refresh rate of the config's DNS clusters ({@link DnsClusters#refreshRate})
 * and, when an answer changed, swaps in the same config with the new endpoints. Requests in flight keep the
 * endpoints they started with. A name that does not resolve leaves its clusters without endpoints (503, as
 * Envoy's {@code UH}); that is reported once each time the set of such names changes.
 */
final class DnsRefresher implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(DnsRefresher.class.getName());

    /** Reports a warning line through the platform logger, without a stack trace. */
    static final Consumer<String> LOG_WARNINGS = message -> LOG.log(System.Logger.Level.WARNING, message);

    private final DnsLookup lookup;
    private final Supplier<GatewayRuntime> current;
    private final BiPredicate<GatewayRuntime, GatewayRuntime> swap;
    private final Consumer<String> warnings;
    private final ScheduledExecutorService timer;
    private Set<String> reported = Set.of();

    /**
     * @param lookup   how names are looked up again
     * @param current  the config serving now
     * @param swap     replaces the first runtime by the second if it is still the one serving; says whether it did
     * @param warnings where names that do not resolve are reported
     */
    DnsRefresher(DnsLookup lookup, Supplier<GatewayRuntime> current, BiPredicate<GatewayRuntime, GatewayRuntime> swap,
            Consumer<String> warnings) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.current = Objects.requireNonNull(current, "current");
        this.swap = Objects.requireNonNull(swap, "swap");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gwctl-dns-refresh");
            t.setDaemon(true);
            return t;
        });
    }

    /** Reports the serving config's unresolved names and starts refreshing. */
    void start() {
        served(current.get());
        schedule();
    }

    /** A new config was swapped in: reports its unresolved names if they differ from those reported. */
    void served(GatewayRuntime runtime) {
        report(runtime, runtime.dns());
    }

    /**
     * Looks the serving config's names up again and swaps in the new endpoints if an answer changed.
     *
     * @return whether a new runtime was swapped in
     */
    boolean refresh() {
        GatewayRuntime runtime = current.get();
        if (runtime.dns().hosts().isEmpty()) {
            return false;
        }
        DnsAnswers answers = lookup.resolve(runtime.dns().hosts());
        GatewayRuntime next = runtime.withDns(answers);
        if (next == runtime || !swap.test(runtime, next)) {
            return false;
        }
        report(next, answers);
        return true;
    }

    private void schedule() {
        Duration every = DnsClusters.refreshRate(current.get().snapshot());
        try {
            timer.schedule(this::tick, every.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Closed: no more refreshes.
        }
    }

    private void tick() {
        try {
            refresh();
        } catch (RuntimeException e) {
            warnings.accept("DNS refresh failed: " + e);
        }
        schedule();
    }

    private synchronized void report(GatewayRuntime runtime, DnsAnswers answers) {
        Set<String> unresolved = answers.unresolved();
        if (unresolved.equals(reported)) {
            return;
        }
        for (String host : unresolved) {
            if (!reported.contains(host)) {
                warnings.accept("DNS: " + host + " does not resolve; " + clusters(runtime, host)
                        + " no endpoints: requests to it get 503");
            }
        }
        reported = unresolved;
    }

    private static String clusters(GatewayRuntime runtime, String host) {
        List<String> names = new ArrayList<>();
        for (Cluster c : runtime.snapshot().clusters()) {
            if (DnsClusters.isDns(c) && DnsClusters.hosts(c.getLoadAssignment()).contains(host)) {
                names.add(c.getName());
            }
        }
        return names.size() == 1 ? "cluster " + names.get(0) + " has" : "clusters " + String.join(", ", names) + " have";
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
