package io.gwctl.translate.envoy.dump;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Envoy's own JSON (protobuf's JSON mapping). Every {@code Any} in a message is resolved by its type's proto
 * name: Envoy's generated Java classes live in {@code io.envoyproxy.<proto package>} (xDS's in
 * {@code com.github.xds}, protobuf's own in {@code com.google.protobuf}), so any type the api artifact carries
 * prints and parses without a hand-kept list.
 */
public final class EnvoyJson {

    /** The types an admin config dump is made of; others are found as messages are printed. */
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

    private static final Map<String, Optional<Descriptor>> RESOLVED = new ConcurrentHashMap<>();
    private static final Pattern TYPE_URL = Pattern.compile("\"@type\"\\s*:\\s*\"[^\"]*/([^\"/]+)\"");

    private EnvoyJson() {
    }

    /** {@code message} as Envoy prints it (two-space indent, fields in lowerCamelCase). */
    public static String print(Message message) {
        JsonFormat.TypeRegistry.Builder registry = JsonFormat.TypeRegistry.newBuilder().add(ConfigDump.getDescriptor());
        collectAnyTypes(message, registry);
        try {
            return JsonFormat.printer().usingTypeRegistry(registry.build()).print(message);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("cannot print " + message.getDescriptorForType().getFullName(), e);
        }
    }

    /** Parses {@code json} into {@code builder}, resolving every {@code @type} it names. */
    public static void merge(String json, Message.Builder builder) throws InvalidProtocolBufferException {
        JsonFormat.TypeRegistry.Builder registry = JsonFormat.TypeRegistry.newBuilder().add(ConfigDump.getDescriptor());
        Matcher types = TYPE_URL.matcher(json);
        while (types.find()) {
            descriptor(types.group(1)).ifPresent(registry::add);
        }
        JsonFormat.parser().usingTypeRegistry(registry.build()).ignoringUnknownFields().merge(json, builder);
    }

    /** The descriptor of {@code typeName} ({@code envoy.config.route.v3.Route}), when gwctl has its class. */
    public static Optional<Descriptor> descriptor(String typeName) {
        return RESOLVED.computeIfAbsent(typeName, EnvoyJson::load);
    }

    private static Optional<Descriptor> load(String typeName) {
        Descriptor known = TYPES.find(typeName);
        if (known != null) {
            return Optional.of(known);
        }
        for (String prefix : new String[] {"io.envoyproxy.", "com.github.", "com.", ""}) {
            try {
                Class<?> cls = Class.forName(prefix + typeName);
                return Optional.of((Descriptor) cls.getMethod("getDescriptor").invoke(null));
            } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
                // not a class under this prefix
            }
        }
        return Optional.empty();
    }

    /** Adds the type of every {@code Any} inside {@code message}, at any depth, to {@code registry}. */
    private static void collectAnyTypes(Message message, JsonFormat.TypeRegistry.Builder registry) {
        Descriptor type = message.getDescriptorForType();
        if (type.getFullName().equals(Any.getDescriptor().getFullName())) {
            // Inside an unpacked Any, nested Anys are DynamicMessages: read them by field, not by class.
            String url = (String) message.getField(type.findFieldByName("type_url"));
            ByteString value = (ByteString) message.getField(type.findFieldByName("value"));
            descriptor(url.substring(url.lastIndexOf('/') + 1)).ifPresent(d -> {
                registry.add(d);
                try {
                    collectAnyTypes(DynamicMessage.parseFrom(d, value), registry);
                } catch (InvalidProtocolBufferException e) {
                    // printed as whatever JsonFormat makes of it
                }
            });
            return;
        }
        for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
            if (field.getKey().getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
                continue;
            }
            if (field.getKey().isRepeated()) {
                for (Object element : (List<?>) field.getValue()) {
                    if (element instanceof Message m) {
                        collectAnyTypes(m, registry);
                    }
                }
            } else if (field.getValue() instanceof Message m) {
                collectAnyTypes(m, registry);
            }
        }
    }
}
