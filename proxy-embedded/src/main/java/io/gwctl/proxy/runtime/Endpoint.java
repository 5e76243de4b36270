package io.gwctl.proxy.runtime;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Objects;

/** One upstream host of a cluster: where to connect, its load balancing weight (at least 1) and its labels. */
public final class Endpoint {

    private final InetSocketAddress address;
    private final int weight;
    private final Map<String, String> labels;
    private final String hostPort;

    public Endpoint(InetSocketAddress address, int weight, Map<String, String> labels) {
        this.address = Objects.requireNonNull(address, "address");
        this.weight = Math.max(1, weight);
        this.labels = Map.copyOf(labels);
        String ip = address.getAddress() == null ? address.getHostString() : address.getAddress().getHostAddress();
        this.hostPort = (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + address.getPort();
    }

    public InetSocketAddress address() {
        return address;
    }

    public int weight() {
        return weight;
    }

    public Map<String, String> labels() {
        return labels;
    }

    /** {@code ip:port}, as Envoy names a host in stats, access logs and {@code /clusters}. */
    public String hostPort() {
        return hostPort;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Endpoint e && e.address.equals(address) && e.weight == weight && e.labels.equals(labels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(address, weight, labels);
    }

    @Override
    public String toString() {
        return hostPort;
    }
}
