package io.gwctl.proxy.admin;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One upstream cluster as the running gateway sees it.
 *
 * @param name  the cluster name ({@code outbound|8000||httpbin.default.svc.cluster.local})
 * @param hosts its endpoints, in load-balancing order
 */
public record ClusterState(String name, List<HostState> hosts) {

    public ClusterState {
        requireNonNull(name, "name");
        hosts = List.copyOf(hosts);
    }
}
