package io.gwctl.translate.envoy.dump;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.envoyproxy.envoy.admin.v3.ConfigDump;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.extensions.filters.http.cors.v3.Cors;
import io.envoyproxy.envoy.extensions.filters.http.fault.v3.HTTPFault;
import io.envoyproxy.envoy.extensions.filters.http.router.v3.Router;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext;

/**
 * Envoy's own JSON (protobuf's JSON mapping), with a type registry for every {@code Any} that gateway config
 * carries: listeners' filters and TLS contexts, routes' per-filter config, and the admin config dump.
 */
public final class EnvoyJson {

    /** Every message type an {@code Any} in gwctl's config may hold (each brings its .proto file's types). */
    public static final JsonFormat.TypeRegistry TYPES = JsonFormat.TypeRegistry.newBuilder()
            .add(ConfigDump.getDescriptor())
            .add(io.envoyproxy.envoy.admin.v3.ListenersConfigDump.getDescriptor())
            .add(io.envoyproxy.envoy.admin.v3.RoutesConfigDump.getDescriptor())
            .add(io.envoyproxy.envoy.admin.v3.ClustersConfigDump.getDescriptor())
            .add(io.envoyproxy.envoy.admin.v3.EndpointsConfigDump.getDescriptor())
            .add(io.envoyproxy.envoy.admin.v3.SecretsConfigDump.getDescriptor())
            .add(Listener.getDescriptor())
            .add(RouteConfiguration.getDescriptor())
            .add(Cluster.getDescriptor())
            .add(ClusterLoadAssignment.getDescriptor())
            .add(Secret.getDescriptor())
            .add(DownstreamTlsContext.getDescriptor())
            .add(UpstreamTlsContext.getDescriptor())
            .add(HttpConnectionManager.getDescriptor())
            .add(TcpProxy.getDescriptor())
            .add(Router.getDescriptor())
            .add(HTTPFault.getDescriptor())
            .add(Cors.getDescriptor())
            .add(io.envoyproxy.envoy.extensions.filters.http.cors.v3.CorsPolicy.getDescriptor())
            .build();

    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().usingTypeRegistry(TYPES);
    private static final JsonFormat.Parser PARSER = JsonFormat.parser().usingTypeRegistry(TYPES).ignoringUnknownFields();

    private EnvoyJson() {
    }

    /** {@code message} as Envoy prints it (two-space indent, proto field names in lowerCamelCase). */
    public static String print(Message message) {
        try {
            return PRINTER.print(message);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("cannot print " + message.getDescriptorForType().getFullName(), e);
        }
    }

    /** Parses {@code json} into {@code builder}. */
    public static void merge(String json, Message.Builder builder) throws InvalidProtocolBufferException {
        PARSER.merge(json, builder);
    }
}
