package io.gwctl.proxy.runtime;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Objects;

/**
 * One upstream host of a cluster.
 *
 * @param address where to connect (resolved)
 * @param weight  the load balancing weight, at least 1
 * @param labels  the endpoint's labels
 */
public record Endpoint(InetSocketAddress address, int weight, Map<String, String> labels) {

    public Endpoint {
        Objects.requireNonNull(address, "address");
        labels = Map.copyOf(labels);
        weight = Math.max(1, weight);
    }

    /** {@code ip:port}, as Envoy names a host in stats, access logs and {@code /clusters}. */
    public String hostPort() {
        String ip = address.getAddress() == null ? address.getHostString() : address.getAddress().getHostAddress();
        return (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + address.getPort();
    }
}
