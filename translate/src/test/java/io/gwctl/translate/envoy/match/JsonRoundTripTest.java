package io.gwctl.translate.envoy.match;

import static io.gwctl.translate.envoy.match.Snapshots.host;
import static io.gwctl.translate.envoy.match.Snapshots.httpChain;
import static io.gwctl.translate.envoy.match.Snapshots.listener;
import static io.gwctl.translate.envoy.match.Snapshots.prefix;
import static io.gwctl.translate.envoy.match.Snapshots.routes;
import static io.gwctl.translate.envoy.match.Snapshots.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.TypeRegistry;
import com.google.protobuf.util.JsonFormat;
import io.envoyproxy.envoy.config.listener.v3.FilterChainMatch;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext;
import io.gwctl.translate.envoy.EnvoySnapshot;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A snapshot printed with {@code JsonFormat} (as {@code proxy-config -o json} does) and parsed back traces
 * the same way: the matcher reads typed configs from {@code Any} by type, not from the builders' objects.
 */
class JsonRoundTripTest {

    private static final TypeRegistry TYPES = TypeRegistry.newBuilder()
            .add(HttpConnectionManager.getDescriptor())
            .add(TcpProxy.getDescriptor())
            .add(DownstreamTlsContext.getDescriptor())
            .build();

    @Test
    void snapshotSurvivesJson() throws InvalidProtocolBufferException {
        EnvoySnapshot original = snapshot(List.of(listener(443,
                        httpChain("api", FilterChainMatch.newBuilder().addServerNames("api.example.com"), "https.443.api", true)),
                        listener(8080, httpChain("http", FilterChainMatch.newBuilder(), "http.8080", false))),
                routes("https.443.api", host("api", "api.example.com").addRoutes(prefix("api", "/", "api-cluster"))),
                routes("http.8080", host("web", "*.example.com").addRoutes(prefix("web", "/web", "web-cluster"))));
        EnvoySnapshot parsed = roundTrip(original);

        for (TraceRequest request : List.of(TraceRequest.of("https", 443, "api.example.com", "/x"),
                TraceRequest.of("http", 8080, "www.example.com", "/web/index.html"),
                TraceRequest.of("http", 8080, "www.example.com", "/other"),
                TraceRequest.of("http", 443, "api.example.com", "/"))) {
            assertThat(RequestMatcher.trace(parsed, request)).isEqualTo(RequestMatcher.trace(original, request));
        }
        assertThat(RequestMatcher.trace(parsed, TraceRequest.of("https", 443, "api.example.com", "/x")).cluster())
                .isEqualTo("api-cluster");
    }

    private static EnvoySnapshot roundTrip(EnvoySnapshot snapshot) throws InvalidProtocolBufferException {
        JsonFormat.Printer printer = JsonFormat.printer().usingTypeRegistry(TYPES);
        JsonFormat.Parser parser = JsonFormat.parser().usingTypeRegistry(TYPES);
        List<Listener> listeners = new ArrayList<>();
        for (Listener l : snapshot.listeners()) {
            Listener.Builder b = Listener.newBuilder();
            parser.merge(printer.print(l), b);
            listeners.add(b.build());
        }
        List<RouteConfiguration> routes = new ArrayList<>();
        for (RouteConfiguration r : snapshot.routes()) {
            RouteConfiguration.Builder b = RouteConfiguration.newBuilder();
            parser.merge(printer.print(r), b);
            routes.add(b.build());
        }
        return new EnvoySnapshot(listeners, routes, List.of(), List.of(), List.of());
    }
}
