package io.gwctl.proxy;

import io.gwctl.proxy.admin.AdminView;
import io.gwctl.proxy.admin.ClusterState;
import io.gwctl.proxy.admin.HostState;
import io.gwctl.proxy.admin.ListenerState;
import io.gwctl.proxy.runtime.Endpoint;
import io.gwctl.proxy.runtime.UpstreamCluster;
import io.gwctl.proxy.stats.ClusterStats;
import io.gwctl.proxy.stats.GatewayStats;
import io.gwctl.translate.envoy.EnvoySnapshot;
import java.util.ArrayList;
import java.util.List;

/** What the admin endpoint shows of a running gateway: its config, stats, clusters and listeners, live. */
public final class GatewayAdmin implements AdminView {

    private final GatewayProxy proxy;
    private volatile boolean ready;

    public GatewayAdmin(GatewayProxy proxy) {
        this.proxy = proxy;
    }

    /** Marks the gateway ready once every listener is bound. */
    public void ready(boolean value) {
        this.ready = value;
    }

    @Override
    public boolean ready() {
        return ready;
    }

    @Override
    public EnvoySnapshot snapshot() {
        return proxy.runtime().snapshot();
    }

    @Override
    public GatewayStats stats() {
        return proxy.stats();
    }

    @Override
    public List<ClusterState> clusters() {
        List<ClusterState> clusters = new ArrayList<>();
        for (UpstreamCluster c : proxy.runtime().clusters()) {
            ClusterStats stats = proxy.stats().cluster(c.name());
            List<HostState> hosts = new ArrayList<>();
            for (Endpoint e : c.endpoints()) {
                String ip = e.address().getAddress() == null ? e.address().getHostString()
                        : e.address().getAddress().getHostAddress();
                hosts.add(new HostState(ip, e.address().getPort(), e.address().getHostString(), e.weight(), true,
                        c.outlierDetector().ejected(e), e.labels(), stats.host(e.hostPort())));
            }
            clusters.add(new ClusterState(c.name(), hosts));
        }
        return clusters;
    }

    @Override
    public List<ListenerState> listeners() {
        return proxy.listeners().stream().map(l -> new ListenerState(l.name(), l.localAddress())).toList();
    }
}
