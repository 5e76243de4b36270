package io.gwctl.proxy.runtime;

import io.envoyproxy.envoy.config.cluster.v3.CircuitBreakers;
import io.envoyproxy.envoy.config.core.v3.RoutingPriority;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A cluster's circuit breakers at {@code DEFAULT} priority, shared by every event loop as Envoy's per-cluster
 * resource manager is shared by its workers (envoyproxy/envoy
 * {@code source/common/upstream/resource_manager_impl.h}): connections to the cluster's hosts, requests waiting
 * for a connection, requests in flight, and retries in flight, each with the limit of the cluster's
 * {@code circuit_breakers} (Envoy's defaults 1024, 1024, 1024 and 3 when unset). A resource that would go over
 * its limit is refused at once; nothing queues beyond the limits.
 */
public final class CircuitBreaker {

    private static final long DEFAULT_LIMIT = 1024;
    private static final long DEFAULT_MAX_RETRIES = 3;

    private final Resource connections;
    private final Resource pendingRequests;
    private final Resource requests;
    private final Resource retries;

    CircuitBreaker(CircuitBreakers breakers) {
        CircuitBreakers.Thresholds t = breakers.getThresholdsList().stream()
                .filter(x -> x.getPriority() == RoutingPriority.DEFAULT).findFirst()
                .orElse(CircuitBreakers.Thresholds.getDefaultInstance());
        this.connections = new Resource(t.hasMaxConnections()
                ? Integer.toUnsignedLong(t.getMaxConnections().getValue()) : DEFAULT_LIMIT);
        this.pendingRequests = new Resource(t.hasMaxPendingRequests()
                ? Integer.toUnsignedLong(t.getMaxPendingRequests().getValue()) : DEFAULT_LIMIT);
        this.requests = new Resource(t.hasMaxRequests()
                ? Integer.toUnsignedLong(t.getMaxRequests().getValue()) : DEFAULT_LIMIT);
        this.retries = new Resource(t.hasMaxRetries()
                ? Integer.toUnsignedLong(t.getMaxRetries().getValue()) : DEFAULT_MAX_RETRIES);
    }

    /** {@code max_connections}: open connections to the cluster's hosts. */
    public Resource connections() {
        return connections;
    }

    /** {@code max_pending_requests}: requests waiting for a connection. */
    public Resource pendingRequests() {
        return pendingRequests;
    }

    /** {@code max_requests}: requests in flight to the cluster. */
    public Resource requests() {
        return requests;
    }

    /** {@code max_retries}: retries in flight. */
    public Resource retries() {
        return retries;
    }

    /** One limited resource: a count that may not go over its limit. */
    public static final class Resource {

        private final long limit;
        private final AtomicLong used = new AtomicLong();

        Resource(long limit) {
            this.limit = limit;
        }

        /** Takes one unit when the limit allows it; false (and nothing taken) when it is reached. */
        public boolean tryAcquire() {
            while (true) {
                long now = used.get();
                if (now >= limit) {
                    return false;
                }
                if (used.compareAndSet(now, now + 1)) {
                    return true;
                }
            }
        }

        public void release() {
            used.decrementAndGet();
        }

        /** Whether the limit is reached (Envoy's {@code circuit_breakers.default.*_open} gauges). */
        public boolean open() {
            return used.get() >= limit;
        }

        public long limit() {
            return limit;
        }
    }
}
