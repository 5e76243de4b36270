package io.gwctl.proxy.runtime;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The position of each of a cluster's endpoints in its list, by identity: the balancer hands out the cluster's
 * own instances, and the per-endpoint state kept beside them (requests in flight, outlier counters) is found from
 * the instance in constant time on every request. Immutable once built.
 */
final class EndpointSlots {

    private final Map<Endpoint, Integer> slots;
    private final int size;

    EndpointSlots(List<Endpoint> endpoints) {
        this.size = endpoints.size();
        this.slots = new IdentityHashMap<>(size);
        for (int i = 0; i < size; i++) {
            slots.putIfAbsent(endpoints.get(i), i);
        }
    }

    /** The endpoint's position, or -1 when it is not one of these instances. */
    int of(Endpoint endpoint) {
        Integer slot = slots.get(endpoint);
        return slot == null ? -1 : slot;
    }

    int size() {
        return size;
    }
}
