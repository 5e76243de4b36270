package io.gwctl.proxy.tcp;

import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import io.envoyproxy.envoy.type.v3.HashPolicy;
import io.gwctl.proxy.balance.SourceIpHash;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A {@code tcp_proxy} filter as the data plane uses it, read once per runtime from its proto (envoyproxy/envoy
 * source/common/tcp_proxy/tcp_proxy.cc, {@code Config} and {@code SharedConfig}):
 * <ul>
 * <li>the cluster is {@code cluster}, or one of {@code weighted_clusters} (the proto's other choice), each picked
 * with a chance of its weight over the total (Envoy's {@code WeightedClusterUtil::pickCluster});</li>
 * <li>{@code idle_timeout} unset means one hour; set to 0 it is disabled;</li>
 * <li>{@code max_connect_attempts} unset means 1: a failed connect is not retried;</li>
 * <li>a {@code source_ip} {@code hash_policy} hashes the client's address for consistent-hash clusters (the only
 * policy pilot writes on a TCP proxy; Envoy's {@code TcpProxy::HashPolicyImpl}).</li>
 * </ul>
 * Immutable and shared by every connection of the runtime.
 */
public final class TcpProxyRoute {

    /** Envoy's idle timeout when the proxy sets none. */
    static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofHours(1);

    private final String statPrefix;
    private final List<WeightedCluster> clusters;
    private final long totalWeight;
    private final Duration idleTimeout;
    private final int maxConnectAttempts;
    private final boolean hashesSourceIp;

    private TcpProxyRoute(String statPrefix, List<WeightedCluster> clusters, Duration idleTimeout,
            int maxConnectAttempts, boolean hashesSourceIp) {
        this.statPrefix = statPrefix;
        this.clusters = clusters;
        this.totalWeight = clusters.stream().mapToLong(WeightedCluster::weight).sum();
        this.idleTimeout = idleTimeout;
        this.maxConnectAttempts = maxConnectAttempts;
        this.hashesSourceIp = hashesSourceIp;
    }

    /** One cluster of {@code weighted_clusters}, or the single {@code cluster} with weight 1. */
    record WeightedCluster(String name, long weight) {
        WeightedCluster {
            Objects.requireNonNull(name, "name");
        }
    }

    public static TcpProxyRoute of(TcpProxy proto) {
        Objects.requireNonNull(proto, "proto");
        List<WeightedCluster> clusters;
        if (!proto.getCluster().isEmpty()) {
            clusters = List.of(new WeightedCluster(proto.getCluster(), 1));
        } else {
            clusters = proto.getWeightedClusters().getClustersList().stream()
                    .map(c -> new WeightedCluster(c.getName(), Integer.toUnsignedLong(c.getWeight())))
                    .toList();
        }
        Duration idle = proto.hasIdleTimeout()
                ? Duration.ofSeconds(proto.getIdleTimeout().getSeconds(), proto.getIdleTimeout().getNanos())
                : DEFAULT_IDLE_TIMEOUT;
        int attempts = proto.hasMaxConnectAttempts() ? Math.max(1, proto.getMaxConnectAttempts().getValue()) : 1;
        boolean sourceIp = proto.getHashPolicyList().stream().anyMatch(HashPolicy::hasSourceIp);
        return new TcpProxyRoute(proto.getStatPrefix(), clusters, idle, attempts, sourceIp);
    }

    /** The prefix of the proxy's stats, {@code tcp.<stat_prefix>.}. */
    public String statPrefix() {
        return statPrefix;
    }

    /**
     * The cluster for a new connection: the one cluster, or one of the weighted clusters by weight. Empty when
     * the proxy names none (the connection is then closed, as Envoy closes it with {@code NC}).
     */
    public String pickCluster() {
        if (clusters.isEmpty()) {
            return "";
        }
        if (clusters.size() == 1 || totalWeight == 0) {
            return clusters.get(0).name();
        }
        long point = ThreadLocalRandom.current().nextLong(totalWeight);
        for (WeightedCluster c : clusters) {
            point -= c.weight();
            if (point < 0) {
                return c.name();
            }
        }
        return clusters.get(clusters.size() - 1).name();
    }

    /** How long a connection may pass no bytes either way before both sides are closed; zero: never. */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** How many connects to the cluster a connection tries before it is closed ({@code max_connect_attempts}). */
    public int maxConnectAttempts() {
        return maxConnectAttempts;
    }

    /**
     * The hash a consistent-hash cluster picks by for a connection from {@code client}: of its IP address, as
     * Envoy hashes {@code source_ip}; empty without that policy or address.
     */
    public OptionalLong hash(SocketAddress client) {
        return hashesSourceIp ? SourceIpHash.of(client) : OptionalLong.empty();
    }

    @Override
    public String toString() {
        return "tcp_proxy " + statPrefix + " -> " + clusters;
    }
}
