package io.gwctl.proxy.runtime;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One {@code --upstream HOST[:PORT]=ADDR:PORT[;label=value...]}: where a destination host's traffic goes on
 * this laptop, in place of the endpoints a cluster would have. Short hosts are expanded as Istio expands a
 * destination host ({@code httpbin} is {@code httpbin.default.svc.cluster.local}).
 *
 * @param host    the fully qualified destination host
 * @param port    the destination port, or 0 for every port of the host
 * @param address where to connect
 * @param labels  the endpoint's labels, which DestinationRule subsets select on
 */
public record UpstreamOverride(String host, int port, InetSocketAddress address, Map<String, String> labels) {

    public UpstreamOverride {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(address, "address");
        labels = Map.copyOf(labels);
    }

    /**
     * Parses the option's value.
     *
     * @throws IllegalArgumentException with a one-line reason when the value is malformed
     */
    public static UpstreamOverride parse(String value, String namespace, String domainSuffix) {
        int eq = value.indexOf('=');
        if (eq <= 0 || eq == value.length() - 1) {
            throw new IllegalArgumentException("--upstream " + value + ": expected HOST[:PORT]=ADDRESS:PORT");
        }
        String target = value.substring(0, eq);
        String[] rest = value.substring(eq + 1).split(";");
        String host = target;
        int port = 0;
        int colon = target.lastIndexOf(':');
        if (colon > 0) {
            host = target.substring(0, colon);
            port = parsePort(target.substring(colon + 1), value);
        }
        InetSocketAddress address = address(rest[0], value);
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 1; i < rest.length; i++) {
            int le = rest[i].indexOf('=');
            if (le <= 0) {
                throw new IllegalArgumentException("--upstream " + value + ": label " + rest[i] + " is not KEY=VALUE");
            }
            labels.put(rest[i].substring(0, le), rest[i].substring(le + 1));
        }
        return new UpstreamOverride(expand(host, namespace, domainSuffix), port, address, labels);
    }

    /** Istio's expansion of a short destination host: a name without a dot is a Service of the namespace. */
    static String expand(String host, String namespace, String domainSuffix) {
        return host.contains(".") ? host : host + "." + namespace + ".svc." + domainSuffix;
    }

    /** Whether this override serves {@code host} on {@code port}. */
    public boolean serves(String clusterHost, int clusterPort) {
        return host.equalsIgnoreCase(clusterHost) && (port == 0 || port == clusterPort);
    }

    private static InetSocketAddress address(String hostPort, String value) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("--upstream " + value + ": address " + hostPort + " needs a port");
        }
        String ip = hostPort.substring(0, colon);
        if (ip.startsWith("[") && ip.endsWith("]")) {
            ip = ip.substring(1, ip.length() - 1);
        }
        return new InetSocketAddress(ip, parsePort(hostPort.substring(colon + 1), value));
    }

    private static int parsePort(String port, String value) {
        try {
            int p = Integer.parseInt(port);
            if (p < 1 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--upstream " + value + ": port " + port + " is not in 1-65535");
        }
    }
}
