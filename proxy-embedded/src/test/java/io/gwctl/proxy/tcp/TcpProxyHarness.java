package io.gwctl.proxy.tcp;

import com.google.protobuf.InvalidProtocolBufferException;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import io.gwctl.proxy.GatewayFixture;
import io.gwctl.proxy.accesslog.AccessLog;
import io.gwctl.proxy.http.GatewayServices;
import io.gwctl.proxy.runtime.GatewayRuntime;
import io.gwctl.proxy.stats.GatewayStats;
import io.gwctl.proxy.stats.Stat;
import io.gwctl.proxy.transport.Transport;
import io.gwctl.proxy.upstream.UpstreamPools;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A TCP proxy on a loopback port for tests: the {@code tcp_proxy} gwctl renders for a Gateway {@code TCP} server,
 * compiled into a runtime whose clusters reach test servers through {@code --upstream}-style overrides, mounted on
 * a plain Netty server (accepted connections go straight to {@link TcpProxySession#start}).
 */
final class TcpProxyHarness implements AutoCloseable {

    static final String CLUSTER = "outbound|9000||tcp-echo.default.svc.cluster.local";

    private final EventLoopGroup group;
    private final GatewayServices services;
    private final TcpProxyRoute route;
    private final ByteArrayOutputStream log;
    private final Channel server;

    private TcpProxyHarness(Builder b) throws InterruptedException {
        Transport transport = Transport.best();
        this.group = transport.group(1, new DefaultThreadFactory("tcp-proxy-test", true));
        GatewayRuntime runtime = GatewayFixture.runtime(b.yaml, b.upstreams);
        this.route = TcpProxyRoute.of(b.edit.apply(tcpProxy(runtime)));
        this.log = new ByteArrayOutputStream();
        this.services = new GatewayServices(runtime, new GatewayStats(), AccessLog.to(log),
                new UpstreamPools(group, transport));
        this.server = new ServerBootstrap().group(group, group).channel(transport.serverChannel())
                .childOption(ChannelOption.AUTO_READ, false)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        if (b.downstreamHandler != null) {
                            ch.pipeline().addLast(b.downstreamHandler.get());
                        }
                        TcpProxySession.start(ch, route, services, b.pending.get());
                    }
                })
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
    }

    /**
     * A Gateway with a TCP server on 31400, the Services {@code tcp-echo} (port 9000) and {@code services}, and a
     * VirtualService whose {@code tcp} routes are {@code tcpRoutes} (YAML list items, unindented).
     */
    static String config(String tcpRoutes, String... services) {
        StringBuilder yaml = new StringBuilder("""
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: gw, namespace: default}
                spec:
                  selector: {istio: ingressgateway}
                  servers:
                  - port: {number: 31400, name: tcp, protocol: TCP}
                    hosts: ["*"]
                """);
        for (String service : concat("tcp-echo", services)) {
            yaml.append("""
                    ---
                    apiVersion: v1
                    kind: Service
                    metadata: {name: %s, namespace: default}
                    spec:
                      ports: [{name: tcp, port: 9000}]
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
                  tcp:
                """).append(tcpRoutes.indent(2));
        return yaml.toString();
    }

    /** The config routing every connection on 31400 to {@code tcp-echo:9000}. */
    static String echoConfig() {
        return config("""
                - match: [{port: 31400}]
                  route: [{destination: {host: tcp-echo, port: {number: 9000}}}]
                """);
    }

    private static List<String> concat(String first, String... rest) {
        List<String> all = new java.util.ArrayList<>(List.of(first));
        all.addAll(Arrays.asList(rest));
        return all;
    }

    /** The tcp_proxy of the runtime's first filter chain that has one. */
    static TcpProxy tcpProxy(GatewayRuntime runtime) {
        for (Listener l : runtime.snapshot().listeners()) {
            for (FilterChain chain : l.getFilterChainsList()) {
                for (Filter f : chain.getFiltersList()) {
                    if (f.getTypedConfig().is(TcpProxy.class)) {
                        try {
                            return f.getTypedConfig().unpack(TcpProxy.class);
                        } catch (InvalidProtocolBufferException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
            }
        }
        throw new AssertionError("no tcp_proxy in " + runtime.snapshot().listeners());
    }

    static Builder builder(String yaml) {
        return new Builder(yaml);
    }

    int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    TcpProxyRoute route() {
        return route;
    }

    GatewayStats stats() {
        return services.stats();
    }

    /** Every counter and gauge by its Envoy name. */
    Map<String, Long> values() {
        return services.stats().snapshot().stream().filter(s -> s.type() != Stat.Type.HISTOGRAM)
                .collect(Collectors.toMap(Stat::name, Stat::value));
    }

    long stat(String name) {
        return values().getOrDefault(name, -1L);
    }

    /** The access log lines written so far. */
    List<String> logLines() {
        String text = log.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        services.accessLog().close();
    }

    /** What a test changes of the harness. */
    static final class Builder {
        private final String yaml;
        private String[] upstreams = new String[0];
        private UnaryOperator<TcpProxy> edit = UnaryOperator.identity();
        private Supplier<ByteBuf> pending = () -> Unpooled.EMPTY_BUFFER;
        private Supplier<ChannelHandler> downstreamHandler;

        private Builder(String yaml) {
            this.yaml = yaml;
        }

        Builder upstreams(String... values) {
            this.upstreams = values;
            return this;
        }

        /** Changes the rendered tcp_proxy before it is compiled. */
        Builder edit(UnaryOperator<TcpProxy> change) {
            this.edit = change;
            return this;
        }

        /** Bytes handed to each session as already read from its downstream. */
        Builder pending(Supplier<ByteBuf> bytes) {
            this.pending = bytes;
            return this;
        }

        /** A handler put first in each downstream pipeline, to watch what the proxy writes. */
        Builder downstreamHandler(Supplier<ChannelHandler> handler) {
            this.downstreamHandler = handler;
            return this;
        }

        TcpProxyHarness start() throws InterruptedException {
            return new TcpProxyHarness(this);
        }
    }
}
