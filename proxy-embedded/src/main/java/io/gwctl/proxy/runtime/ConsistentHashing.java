package io.gwctl.proxy.runtime;

import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.gwctl.proxy.balance.HashRing;
import io.gwctl.proxy.balance.HashTable;
import io.gwctl.proxy.balance.MaglevTable;
import java.util.List;

/**
 * The consistent-hash table of a {@code RING_HASH} or {@code MAGLEV} cluster, sized by its
 * {@code ring_hash_lb_config} or {@code maglev_lb_config}; hosts are keyed by {@code ip:port}, as Envoy keys
 * them unless {@code use_hostname_for_hashing} is set.
 */
final class ConsistentHashing {

    private ConsistentHashing() {
    }

    static HashTable table(Cluster cluster, List<Endpoint> endpoints) {
        List<String> keys = endpoints.stream().map(Endpoint::hostPort).toList();
        int[] weights = endpoints.stream().mapToInt(Endpoint::weight).toArray();
        if (cluster.getLbPolicy() == Cluster.LbPolicy.MAGLEV) {
            long size = cluster.getMaglevLbConfig().hasTableSize()
                    ? cluster.getMaglevLbConfig().getTableSize().getValue() : MaglevTable.DEFAULT_SIZE;
            return new MaglevTable(keys, weights, size);
        }
        Cluster.RingHashLbConfig ring = cluster.getRingHashLbConfig();
        long min = ring.hasMinimumRingSize() ? ring.getMinimumRingSize().getValue() : HashRing.DEFAULT_MINIMUM_SIZE;
        long max = ring.hasMaximumRingSize() ? ring.getMaximumRingSize().getValue() : HashRing.DEFAULT_MAXIMUM_SIZE;
        return new HashRing(keys, weights, min, Math.max(min, max));
    }
}
