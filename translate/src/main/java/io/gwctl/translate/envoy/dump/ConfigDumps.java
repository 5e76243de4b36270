package io.gwctl.translate.envoy.dump;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import io.envoyproxy.envoy.admin.v3.ClustersConfigDump;
import io.envoyproxy.envoy.admin.v3.ConfigDump;
import io.envoyproxy.envoy.admin.v3.EndpointsConfigDump;
import io.envoyproxy.envoy.admin.v3.ListenersConfigDump;
import io.envoyproxy.envoy.admin.v3.RoutesConfigDump;
import io.envoyproxy.envoy.admin.v3.SecretsConfigDump;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import io.gwctl.translate.envoy.EnvoySnapshot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Converts between an {@link EnvoySnapshot} and Envoy's admin {@code /config_dump}: what
 * {@code proxy-config all -o json} and the embedded gateway's admin print, and what
 * {@code proxy-config --file} reads from a real Envoy (or Istio proxy).
 *
 * <p>A real Istio proxy's dump holds extension types gwctl has no classes for (telemetry, Wasm, metadata
 * exchange). Reading keeps their content as {@code google.protobuf.Struct} rather than failing: the tables
 * need only the listener, route and cluster structure around them.
 */
public final class ConfigDumps {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TYPE_PREFIX = "type.googleapis.com/";
    private static final String STRUCT = TYPE_PREFIX + "google.protobuf.Struct";

    private ConfigDumps() {
    }

    /** The snapshot as Envoy's config dump: listeners, routes, clusters, endpoints and secrets, as dynamic state. */
    public static ConfigDump toConfigDump(EnvoySnapshot snapshot, boolean redactSecrets) {
        ListenersConfigDump.Builder listeners = ListenersConfigDump.newBuilder();
        snapshot.listeners().forEach(l -> listeners.addDynamicListeners(ListenersConfigDump.DynamicListener.newBuilder()
                .setName(l.getName())
                .setActiveState(ListenersConfigDump.DynamicListenerState.newBuilder().setListener(Any.pack(l)))));
        RoutesConfigDump.Builder routes = RoutesConfigDump.newBuilder();
        snapshot.routes().forEach(r -> routes.addDynamicRouteConfigs(
                RoutesConfigDump.DynamicRouteConfig.newBuilder().setRouteConfig(Any.pack(r))));
        ClustersConfigDump.Builder clusters = ClustersConfigDump.newBuilder();
        snapshot.clusters().forEach(c -> clusters.addDynamicActiveClusters(
                ClustersConfigDump.DynamicCluster.newBuilder().setCluster(Any.pack(c))));
        EndpointsConfigDump.Builder endpoints = EndpointsConfigDump.newBuilder();
        snapshot.endpoints().forEach(e -> endpoints.addDynamicEndpointConfigs(
                EndpointsConfigDump.DynamicEndpointConfig.newBuilder().setEndpointConfig(Any.pack(e))));
        SecretsConfigDump.Builder secrets = SecretsConfigDump.newBuilder();
        snapshot.secrets().forEach(s -> secrets.addDynamicActiveSecrets(SecretsConfigDump.DynamicSecret.newBuilder()
                .setName(s.getName()).setSecret(Any.pack(redactSecrets ? SecretRedaction.redact(s) : s))));
        return ConfigDump.newBuilder()
                .addConfigs(Any.pack(listeners.build()))
                .addConfigs(Any.pack(routes.build()))
                .addConfigs(Any.pack(clusters.build()))
                .addConfigs(Any.pack(endpoints.build()))
                .addConfigs(Any.pack(secrets.build()))
                .build();
    }

    /**
     * Reads a config dump as Envoy's admin {@code /config_dump} prints it.
     *
     * @throws IOException with a one-line reason when the text is not a config dump
     */
    public static EnvoySnapshot fromJson(String json) throws IOException {
        JsonNode tree = JSON.readTree(json);
        if (tree == null || !tree.isObject() || !tree.has("configs")) {
            throw new IOException("not an Envoy config dump: no \"configs\" array at the top level");
        }
        keepUnknownTypesAsStruct(tree);
        ConfigDump.Builder dump = ConfigDump.newBuilder();
        try {
            EnvoyJson.merge(JSON.writeValueAsString(tree), dump);
        } catch (InvalidProtocolBufferException e) {
            throw new IOException("not an Envoy config dump: " + e.getMessage(), e);
        }
        return fromConfigDump(dump.build());
    }

    /** The listeners, routes, clusters, endpoints and secrets a dump holds, static and dynamic alike. */
    public static EnvoySnapshot fromConfigDump(ConfigDump dump) throws IOException {
        List<Listener> listeners = new ArrayList<>();
        List<RouteConfiguration> routes = new ArrayList<>();
        List<Cluster> clusters = new ArrayList<>();
        List<ClusterLoadAssignment> endpoints = new ArrayList<>();
        List<Secret> secrets = new ArrayList<>();
        for (Any config : dump.getConfigsList()) {
            if (config.is(ListenersConfigDump.class)) {
                ListenersConfigDump d = config.unpack(ListenersConfigDump.class);
                for (var l : d.getStaticListenersList()) {
                    listeners.add(l.getListener().unpack(Listener.class));
                }
                for (var l : d.getDynamicListenersList()) {
                    if (l.hasActiveState()) {
                        listeners.add(l.getActiveState().getListener().unpack(Listener.class));
                    }
                }
            } else if (config.is(RoutesConfigDump.class)) {
                RoutesConfigDump d = config.unpack(RoutesConfigDump.class);
                for (var r : d.getStaticRouteConfigsList()) {
                    routes.add(r.getRouteConfig().unpack(RouteConfiguration.class));
                }
                for (var r : d.getDynamicRouteConfigsList()) {
                    routes.add(r.getRouteConfig().unpack(RouteConfiguration.class));
                }
            } else if (config.is(ClustersConfigDump.class)) {
                ClustersConfigDump d = config.unpack(ClustersConfigDump.class);
                for (var c : d.getStaticClustersList()) {
                    clusters.add(c.getCluster().unpack(Cluster.class));
                }
                for (var c : d.getDynamicActiveClustersList()) {
                    clusters.add(c.getCluster().unpack(Cluster.class));
                }
            } else if (config.is(EndpointsConfigDump.class)) {
                EndpointsConfigDump d = config.unpack(EndpointsConfigDump.class);
                for (var e : d.getStaticEndpointConfigsList()) {
                    endpoints.add(e.getEndpointConfig().unpack(ClusterLoadAssignment.class));
                }
                for (var e : d.getDynamicEndpointConfigsList()) {
                    endpoints.add(e.getEndpointConfig().unpack(ClusterLoadAssignment.class));
                }
            } else if (config.is(SecretsConfigDump.class)) {
                SecretsConfigDump d = config.unpack(SecretsConfigDump.class);
                for (var s : d.getDynamicActiveSecretsList()) {
                    secrets.add(s.getSecret().unpack(Secret.class));
                }
                for (var s : d.getStaticSecretsList()) {
                    secrets.add(s.getSecret().unpack(Secret.class));
                }
            }
        }
        return new EnvoySnapshot(listeners, routes, clusters, endpoints, secrets);
    }

    /**
     * Replaces every {@code Any} whose type gwctl does not know by a {@code google.protobuf.Struct} holding
     * the same fields, so the rest of the dump still parses.
     */
    private static void keepUnknownTypesAsStruct(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode type = object.get("@type");
            if (type != null && type.isTextual() && !known(type.asText())) {
                ObjectNode value = JSON.createObjectNode();
                Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> f = fields.next();
                    if (!f.getKey().equals("@type")) {
                        value.set(f.getKey(), f.getValue());
                    }
                }
                object.removeAll();
                object.put("@type", STRUCT);
                object.set("value", value);
                return;
            }
            object.elements().forEachRemaining(ConfigDumps::keepUnknownTypesAsStruct);
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(ConfigDumps::keepUnknownTypesAsStruct);
        }
    }

    private static boolean known(String typeUrl) {
        String name = typeUrl.substring(typeUrl.lastIndexOf('/') + 1);
        return EnvoyJson.descriptor(name).isPresent() || name.startsWith("google.protobuf.");
    }
}
