package io.gwctl.translate.envoy;

import java.util.Objects;
import java.util.Optional;

/**
 * Istio's cluster names: {@code outbound|<port>|<subset>|<host>} (pilot {@code model.BuildSubsetKey}), e.g.
 * {@code outbound|8000||httpbin.default.svc.cluster.local} and {@code outbound|9080|v2|reviews.default.svc.cluster.local}.
 *
 * @param direction {@code outbound} for every cluster a gateway has
 * @param port      the service port
 * @param subset    the DestinationRule subset, or empty
 * @param host      the service's fully qualified host name
 */
public record ClusterName(String direction, int port, String subset, String host) {

    public static final String OUTBOUND = "outbound";

    public ClusterName {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(subset, "subset");
        Objects.requireNonNull(host, "host");
    }

    /** The outbound cluster of {@code host:port}, of {@code subset} when it is not empty. */
    public static ClusterName outbound(int port, String subset, String host) {
        return new ClusterName(OUTBOUND, port, subset == null ? "" : subset, host);
    }

    /** The parts of {@code name}, when it is an Istio cluster name. */
    public static Optional<ClusterName> parse(String name) {
        String[] parts = name.split("\\|", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ClusterName(parts[0], Integer.parseInt(parts[1]), parts[2], parts[3]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return direction + "|" + port + "|" + subset + "|" + host;
    }
}
