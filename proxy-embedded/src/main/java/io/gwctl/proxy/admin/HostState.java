package io.gwctl.proxy.admin;

import static java.util.Objects.requireNonNull;

import io.gwctl.proxy.stats.HostStats;
import java.util.Map;

/**
 * One endpoint of a cluster as the running gateway sees it.
 *
 * @param address        the IP address ({@code 10.0.0.1})
 * @param port           the port
 * @param hostname       the endpoint's hostname, or empty
 * @param weight         its load-balancing weight
 * @param healthy        false when the endpoint's health status (EDS, or an active check) says it is unhealthy
 * @param outlierEjected true while outlier detection has ejected it
 * @param labels         the endpoint's labels
 * @param stats          its request and connection counters
 */
public record HostState(String address, int port, String hostname, int weight, boolean healthy, boolean outlierEjected,
        Map<String, String> labels, HostStats stats) {

    public HostState {
        requireNonNull(address, "address");
        hostname = hostname == null ? "" : hostname;
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        requireNonNull(stats, "stats");
    }
}
