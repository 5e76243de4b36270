package io.gwctl.proxy.admin;

import io.gwctl.proxy.stats.GatewayStats;
import io.gwctl.translate.envoy.EnvoySnapshot;
import java.util.List;

/**
 * What the admin endpoint reports about the running gateway. Read on every request, from the admin's event
 * loop: each method returns the state now and must not block.
 */
public interface AdminView {

    /** True once every listener is bound: {@code /ready} answers {@code LIVE}. */
    boolean ready();

    /** The config the gateway serves now; a reload hands out a new object, which {@code /config_dump} notices. */
    EnvoySnapshot snapshot();

    GatewayStats stats();

    /** The clusters with their hosts as the load balancer sees them now, for {@code /clusters}. */
    List<ClusterState> clusters();

    /** The listeners and the addresses they are bound to, for {@code /listeners}. */
    List<ListenerState> listeners();
}
