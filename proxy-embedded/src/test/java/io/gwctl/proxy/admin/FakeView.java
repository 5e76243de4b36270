package io.gwctl.proxy.admin;

import io.gwctl.model.resource.ResourceReader;
import io.gwctl.model.source.ConfigSet;
import io.gwctl.model.source.InMemorySource;
import io.gwctl.proxy.stats.GatewayStats;
import io.gwctl.translate.envoy.EnvoySnapshot;
import io.gwctl.translate.envoy.GatewayOptions;
import io.gwctl.translate.envoy.SnapshotBuilder;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A running gateway as the admin sees it, set by the test: the httpbin config with two endpoints. */
final class FakeView implements AdminView {

    static final String HTTPBIN_CLUSTER = "outbound|8000||httpbin.default.svc.cluster.local";

    static final String HTTPBIN = """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: httpbin-gateway, namespace: default}
            spec:
              selector: {istio: ingressgateway}
              servers:
              - port: {number: 80, name: http, protocol: HTTP}
                hosts: ["httpbin.example.com"]
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: httpbin, namespace: default}
            spec:
              hosts: ["httpbin.example.com"]
              gateways: [httpbin-gateway]
              http:
              - route:
                - destination: {host: httpbin, port: {number: 8000}}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: httpbin, namespace: default}
            spec:
              selector: {app: httpbin}
              ports: [{name: http, port: 8000}]
            ---
            apiVersion: v1
            kind: Endpoints
            metadata: {name: httpbin, namespace: default}
            subsets:
            - addresses: [{ip: 10.0.0.1}, {ip: 10.0.0.2}]
              ports: [{name: http, port: 8000}]
            """;

    volatile boolean ready;
    volatile EnvoySnapshot snapshot = build(HTTPBIN);
    final GatewayStats stats = new GatewayStats();
    volatile List<ClusterState> clusters = List.of();
    volatile List<ListenerState> listeners = List.of();

    static EnvoySnapshot build(String yaml) {
        return SnapshotBuilder.build(
                ConfigSet.load(List.of(new InMemorySource("httpbin.yaml", yaml)), new ResourceReader("default")).resources(),
                new GatewayOptions(Map.of("istio", "ingressgateway"), Optional.empty(), "cluster.local"));
    }

    /** The httpbin cluster with its two endpoints, the second one ejected, plus the listener on port 80. */
    FakeView withTraffic() {
        var cluster = stats.cluster(HTTPBIN_CLUSTER);
        var first = cluster.host("10.0.0.1:8000");
        first.connectionOpened();
        first.requestStarted();
        first.requestFinished(true);
        first.requestStarted();
        first.requestFinished(true);
        var second = cluster.host("10.0.0.2:8000");
        second.requestStarted();
        second.timeout();
        second.requestFinished(false);
        cluster.upstreamRequest(200, 1_200);
        cluster.upstreamRequest(200, 800);
        cluster.upstreamRequest(504, 15_000_000);
        cluster.outlierEjection();
        clusters = List.of(new ClusterState(HTTPBIN_CLUSTER, List.of(
                new HostState("10.0.0.1", 8000, "", 1, true, false, Map.of("app", "httpbin"), first),
                new HostState("10.0.0.2", 8000, "", 1, true, true, Map.of("app", "httpbin"), second))));
        listeners = List.of(new ListenerState("0.0.0.0_80", new InetSocketAddress("0.0.0.0", 18080)));
        return this;
    }

    @Override
    public boolean ready() {
        return ready;
    }

    @Override
    public EnvoySnapshot snapshot() {
        return snapshot;
    }

    @Override
    public GatewayStats stats() {
        return stats;
    }

    @Override
    public List<ClusterState> clusters() {
        return clusters;
    }

    @Override
    public List<ListenerState> listeners() {
        return listeners;
    }
}
