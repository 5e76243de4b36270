package io.gwctl.proxy.runtime;

import com.google.protobuf.InvalidProtocolBufferException;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.extensions.upstreams.http.v3.HttpProtocolOptions;
import io.gwctl.proxy.balance.HashTable;
import io.gwctl.proxy.tls.ClientTls;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A cluster as the data plane uses it: its Envoy proto, the endpoints it reaches on this machine, and the
 * settings read from the proto (connect timeout, upstream protocol, circuit breaker thresholds, load balancer).
 */
public final class UpstreamCluster {

    /** Envoy's default connect timeout when a cluster sets none (cluster.proto). */
    private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Envoy's {@code healthy_panic_threshold} when the cluster sets none. */
    private static final double DEFAULT_PANIC_THRESHOLD = 50;
    private static final String HTTP_PROTOCOL_OPTIONS = "envoy.extensions.upstreams.http.v3.HttpProtocolOptions";

    private final Cluster proto;
    private final List<Endpoint> endpoints;
    private final EndpointSlots slots;
    private final AtomicInteger[] active;
    private final AtomicInteger next = new AtomicInteger();
    private final Duration connectTimeout;
    private final boolean http2;
    private final CircuitBreaker breaker;
    private final ClientTls tls;
    private final OutlierDetector outlier;
    private volatile Candidates candidates;

    public UpstreamCluster(Cluster proto, List<Endpoint> endpoints) {
        this(proto, endpoints, null);
    }

    /** @param tls the cluster's compiled upstream TLS, or null when it speaks plaintext */
    public UpstreamCluster(Cluster proto, List<Endpoint> endpoints, ClientTls tls) {
        this.tls = tls;
        this.proto = Objects.requireNonNull(proto, "proto");
        this.endpoints = List.copyOf(endpoints);
        this.slots = new EndpointSlots(this.endpoints);
        this.active = new AtomicInteger[this.endpoints.size()];
        for (int i = 0; i < active.length; i++) {
            active[i] = new AtomicInteger();
        }
        this.connectTimeout = proto.hasConnectTimeout()
                ? Duration.ofSeconds(proto.getConnectTimeout().getSeconds(), proto.getConnectTimeout().getNanos())
                : DEFAULT_CONNECT_TIMEOUT;
        this.http2 = http2(proto);
        this.breaker = new CircuitBreaker(proto.getCircuitBreakers());
        this.outlier = new OutlierDetector(proto.hasOutlierDetection(), proto.getOutlierDetection(), slots);
    }

    public String name() {
        return proto.getName();
    }

    public Cluster proto() {
        return proto;
    }

    public List<Endpoint> endpoints() {
        return endpoints;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Whether requests go upstream over HTTP/2 (the cluster's explicit {@code http2_protocol_options}). */
    public boolean http2() {
        return http2;
    }

    /** The TLS the cluster's connections originate, or null for plaintext. */
    public ClientTls tls() {
        return tls;
    }

    /** The cluster's circuit breakers, shared by every request to it while this config serves. */
    public CircuitBreaker breaker() {
        return breaker;
    }

    /** Whether the cluster balances by a hash of the request ({@code RING_HASH} or {@code MAGLEV}). */
    public boolean hashBalanced() {
        return proto.getLbPolicy() == Cluster.LbPolicy.RING_HASH || proto.getLbPolicy() == Cluster.LbPolicy.MAGLEV;
    }

    /** The endpoint for the next request without a request hash; see {@link #pick(Endpoint, OptionalLong)}. */
    public Endpoint pick(Endpoint avoid) {
        return pick(avoid, OptionalLong.empty());
    }

    /**
     * The endpoint for the next request, by the cluster's {@code lb_policy}, among the endpoints outlier
     * detection has not ejected, avoiding {@code avoid} when another exists (Istio's {@code previous_hosts}
     * retry predicate). Null when there is none to pick. {@code LEAST_REQUEST} is Envoy's power of two choices
     * over active requests; {@code RING_HASH} and {@code MAGLEV} map {@code hash} to an endpoint through their
     * table, and pick at random without one, as Envoy's thread-aware balancers do ({@code thread_aware_lb_impl.cc}).
     */
    public Endpoint pick(Endpoint avoid, OptionalLong hash) {
        if (endpoints.isEmpty()) {
            return null;
        }
        Candidates c = candidates();
        int m = c.indices.length;
        if (m == 0) {
            return null;
        }
        if (m == 1) {
            return endpoints.get(c.indices[0]);
        }
        int chosen = switch (proto.getLbPolicy()) {
            case RANDOM -> ThreadLocalRandom.current().nextInt(m);
            case LEAST_REQUEST -> leastOfTwo(c.indices);
            case RING_HASH, MAGLEV -> c.table(this).pick(hash.orElseGet(() -> ThreadLocalRandom.current().nextLong()));
            default -> Math.floorMod(next.getAndIncrement(), m);
        };
        if (avoid != null && endpoints.get(c.indices[chosen]).equals(avoid)) {
            chosen = (chosen + 1) % m;
        }
        return endpoints.get(c.indices[chosen]);
    }

    /** Outlier detection of the cluster's endpoints (disabled without {@code outlier_detection}). */
    public OutlierDetector outlierDetector() {
        return outlier;
    }

    /**
     * The endpoints the balancer picks among: those not ejected, unless fewer than the
     * {@code healthy_panic_threshold} percentage (50 by default) are left, when Envoy's balancer panics and
     * uses them all ({@code load_balancer_impl.cc}, {@code isHostSetInPanic}). Kept until an ejection changes.
     */
    private Candidates candidates() {
        Candidates c = candidates;
        int version = outlier.version();
        if (c != null && c.version == version) {
            return c;
        }
        int[] healthy = new int[endpoints.size()];
        int m = 0;
        for (int i = 0; i < endpoints.size(); i++) {
            if (!outlier.ejected(i)) {
                healthy[m++] = i;
            }
        }
        double panic = proto.getCommonLbConfig().hasHealthyPanicThreshold()
                ? proto.getCommonLbConfig().getHealthyPanicThreshold().getValue() : DEFAULT_PANIC_THRESHOLD;
        if (m < endpoints.size() && 100.0 * m / endpoints.size() < panic) {
            healthy = new int[endpoints.size()];
            for (int i = 0; i < healthy.length; i++) {
                healthy[i] = i;
            }
            m = healthy.length;
        }
        c = new Candidates(version, Arrays.copyOf(healthy, m));
        candidates = c;
        return c;
    }

    /** The endpoints picked among for one state of the ejections, and their consistent-hash table. */
    private static final class Candidates {
        final int version;
        final int[] indices;
        private volatile HashTable table;

        Candidates(int version, int[] indices) {
            this.version = version;
            this.indices = indices;
        }

        HashTable table(UpstreamCluster cluster) {
            HashTable t = table;
            if (t == null) {
                List<Endpoint> picked = new ArrayList<>(indices.length);
                for (int i : indices) {
                    picked.add(cluster.endpoints.get(i));
                }
                t = ConsistentHashing.table(cluster.proto, picked);
                table = t;
            }
            return t;
        }
    }

    /** Counts a request in flight to {@code endpoint}, for least-request balancing. */
    public void started(Endpoint endpoint) {
        int i = slots.of(endpoint);
        if (i >= 0) {
            active[i].incrementAndGet();
        }
    }

    public void finished(Endpoint endpoint) {
        int i = slots.of(endpoint);
        if (i >= 0) {
            active[i].decrementAndGet();
        }
    }

    /** Of two distinct random candidates, the position of the one with fewer active requests. */
    private int leastOfTwo(int[] indices) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int n = indices.length;
        int a = random.nextInt(n);
        int b = random.nextInt(n - 1);
        if (b >= a) {
            b++;
        }
        return active[indices[b]].get() < active[indices[a]].get() ? b : a;
    }

    private static boolean http2(Cluster proto) {
        if (proto.hasHttp2ProtocolOptions()) {
            return true;
        }
        var options = proto.getTypedExtensionProtocolOptionsMap().get(HTTP_PROTOCOL_OPTIONS);
        if (options == null) {
            return false;
        }
        try {
            HttpProtocolOptions http = options.unpack(HttpProtocolOptions.class);
            return http.hasExplicitHttpConfig() && http.getExplicitHttpConfig().hasHttp2ProtocolOptions();
        } catch (InvalidProtocolBufferException e) {
            return false;
        }
    }
}
