package io.gwctl.proxy;

import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceReader;
import io.gwctl.model.source.ConfigSet;
import io.gwctl.model.source.InMemorySource;
import io.gwctl.proxy.accesslog.AccessLog;
import io.gwctl.proxy.runtime.GatewayRuntime;
import io.gwctl.proxy.runtime.UpstreamOverride;
import io.gwctl.proxy.stats.GatewayStats;
import io.gwctl.translate.envoy.EnvoySnapshot;
import io.gwctl.translate.envoy.GatewayOptions;
import io.gwctl.translate.envoy.SnapshotBuilder;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;

/** A gateway started on ephemeral loopback ports for the Istio config of a test. */
public final class GatewayFixture implements AutoCloseable {

    private final GatewayProxy proxy;

    private GatewayFixture(GatewayProxy proxy) {
        this.proxy = proxy;
    }

    /** Renders {@code yaml} for the default ingress gateway and serves it; {@code upstreams} as {@code --upstream}. */
    public static GatewayFixture start(String yaml, String... upstreams) throws InterruptedException {
        return start(yaml, AccessLog.off(), upstreams);
    }

    public static GatewayFixture start(String yaml, AccessLog log, String... upstreams) throws InterruptedException {
        return start(runtime(yaml, upstreams), log);
    }

    /** Serves {@code yaml} as rendered for the gateway workload {@code options} describes. */
    public static GatewayFixture start(String yaml, GatewayOptions options) throws InterruptedException {
        return start(GatewayRuntime.compile(snapshot(yaml, options), List.of()), AccessLog.off());
    }

    /** Serves {@code runtime} (a snapshot a test changed before compiling it). */
    public static GatewayFixture start(GatewayRuntime runtime, AccessLog log) throws InterruptedException {
        GatewaySettings settings = new GatewaySettings(InetAddress.getLoopbackAddress(), listener -> 0, 1, log, 2_000);
        return new GatewayFixture(GatewayProxy.start(runtime, settings, new GatewayStats()));
    }

    /**
     * Config for most tests: a Gateway for every host on port 80, a Service on port 80 for each of
     * {@code services}, and a VirtualService bound to it whose {@code http} routes are {@code httpRoutes}
     * (YAML list items, unindented).
     */
    public static String allHosts(String httpRoutes, String... services) {
        StringBuilder yaml = new StringBuilder("""
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: gw, namespace: default}
                spec:
                  selector: {istio: ingressgateway}
                  servers:
                  - port: {number: 80, name: http, protocol: HTTP}
                    hosts: ["*"]
                """);
        for (String service : services) {
            yaml.append("""
                    ---
                    apiVersion: v1
                    kind: Service
                    metadata: {name: %s, namespace: default}
                    spec:
                      ports: [{name: http, port: 80}]
                    """.formatted(service));
        }
        yaml.append("""
                ---
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: vs, namespace: default}
                spec:
                  hosts: ["*"]
                  gateways: [gw]
                  http:
                """).append(httpRoutes.indent(2));
        return yaml.toString();
    }

    /**
     * The bundled httpbin sample (samples/httpbin-gateway.yaml: a Gateway for httpbin.example.com, a
     * VirtualService routing /status and /delay to httpbin:8000, the Service), as the README runs it.
     */
    public static String httpbinSample() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("..", "samples", "httpbin-gateway.yaml"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("the bundled sample is missing", e);
        }
    }

    /** The snapshot gwctl renders for {@code yaml}. */
    public static EnvoySnapshot snapshot(String yaml) {
        return snapshot(yaml, GatewayOptions.ingress());
    }

    /** The snapshot gwctl renders for {@code yaml} and the gateway workload {@code options} describes. */
    public static EnvoySnapshot snapshot(String yaml, GatewayOptions options) {
        List<Resource> resources = ConfigSet.load(List.of(new InMemorySource("test.yaml", yaml)),
                new ResourceReader("default")).resources();
        return SnapshotBuilder.build(resources, options);
    }

    public static GatewayRuntime runtime(String yaml, String... upstreams) {
        List<UpstreamOverride> overrides = java.util.Arrays.stream(upstreams)
                .map(u -> UpstreamOverride.parse(u, "default", "cluster.local")).toList();
        return GatewayRuntime.compile(snapshot(yaml), overrides);
    }

    public GatewayProxy proxy() {
        return proxy;
    }

    /** The local port serving the listener of {@code configPort}. */
    public int port(int configPort) {
        return proxy.listeners().stream().filter(l -> l.configPort() == configPort).findFirst()
                .orElseThrow(() -> new AssertionError("no listener for port " + configPort + ": " + proxy.listeners()))
                .localAddress().getPort();
    }

    public URI uri(int configPort, String path) {
        return URI.create("http://127.0.0.1:" + port(configPort) + path);
    }

    @Override
    public void close() {
        proxy.close();
    }
}
