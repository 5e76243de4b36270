package io.gwctl.proxy.dns;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Looks up a set of host names at once, each on its own daemon thread, waiting at most a deadline for all of
 * them: the system resolver cannot be interrupted, so a name that takes longer counts as not resolved (Envoy's
 * DNS resolver also gives up on a timeout) and its lookup finishes in the background. Callers block, so they
 * run on a command or refresh thread, never an event loop.
 */
public final class DnsLookup {

    /** How long compiling a config or refreshing it waits for DNS. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private static final ExecutorService LOOKUPS = Executors.newCachedThreadPool(daemon());

    private final HostResolver resolver;
    private final Duration timeout;

    public DnsLookup(HostResolver resolver, Duration timeout) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** The system resolver with the default timeout. */
    public static DnsLookup system() {
        return new DnsLookup(HostResolver.system(), DEFAULT_TIMEOUT);
    }

    /** The answers for {@code hosts}; a name that fails or times out has no address. */
    public DnsAnswers resolve(Collection<String> hosts) {
        if (hosts.isEmpty()) {
            return DnsAnswers.NONE;
        }
        Map<String, CompletableFuture<List<InetAddress>>> pending = new LinkedHashMap<>();
        for (String host : hosts) {
            pending.put(host, CompletableFuture.supplyAsync(() -> lookup(host), LOOKUPS));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, List<InetAddress>> answers = new LinkedHashMap<>();
        for (var e : pending.entrySet()) {
            answers.put(e.getKey(), await(e.getValue(), deadline));
        }
        return DnsAnswers.of(answers);
    }

    private List<InetAddress> lookup(String host) {
        try {
            List<InetAddress> addresses = resolver.resolve(host);
            return addresses == null ? List.of() : List.copyOf(addresses);
        } catch (UnknownHostException | RuntimeException e) {
            return List.of();
        }
    }

    private static List<InetAddress> await(CompletableFuture<List<InetAddress>> answer, long deadline) {
        try {
            return answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    private static ThreadFactory daemon() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "gwctl-dns-lookup-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
