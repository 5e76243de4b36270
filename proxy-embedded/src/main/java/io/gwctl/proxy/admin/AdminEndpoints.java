package io.gwctl.proxy.admin;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.envoyproxy.envoy.admin.v3.Clusters;
import io.envoyproxy.envoy.admin.v3.Listeners;
import io.gwctl.proxy.stats.PrometheusText;
import io.gwctl.proxy.stats.StatsJson;
import io.gwctl.proxy.stats.StatsText;
import io.gwctl.translate.envoy.EnvoySnapshot;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The admin's paths and what each answers, apart from HTTP plumbing (see {@link AdminHandler}). Paths, query
 * parameters, status codes and bodies follow Envoy's admin (envoyproxy/envoy source/server/admin/admin.cc and
 * its handlers): an unknown path answers 404 with the list of paths, {@code /ready} answers 503 with the
 * server state until the gateway is live. Every path answers only GET; anything else is 405.
 */
final class AdminEndpoints {

    /** The JSON Envoy's admin prints: proto field names, two-space indent ({@code MessageUtil::getJsonStringFromMessage}). */
    private static final JsonFormat.Printer ENVOY_ADMIN_JSON = JsonFormat.printer().preservingProtoFieldNames();

    private static final EnvoySnapshot EMPTY = new EnvoySnapshot(List.of(), List.of(), List.of(), List.of(), List.of());

    /** One path: its help line, its parameters' help, and how it answers. */
    private record Endpoint(String help, List<String> params, Function<QueryStringDecoder, AdminResponse> handler) {
    }

    private final AdminView view;
    private final ConfigDumpCache configDump = new ConfigDumpCache();
    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();

    AdminEndpoints(AdminView view) {
        this.view = requireNonNull(view, "view");
        endpoints.put("/", new Endpoint("Admin home page: this list", List.of(), q -> help()));
        endpoints.put("/clusters", new Endpoint("upstream cluster status",
                List.of("format: One of (text, json)"), this::clusters));
        endpoints.put("/config_dump", new Endpoint("dump current Envoy configs (private keys redacted)", List.of(),
                q -> new AdminResponse(200, AdminResponse.JSON, configDump.body(snapshot()))));
        endpoints.put("/help", new Endpoint("print out list of admin commands", List.of(), q -> help()));
        endpoints.put("/listeners", new Endpoint("print listener info",
                List.of("format: One of (text, json)"), this::listeners));
        endpoints.put("/ready", new Endpoint("print server state, return 200 if LIVE, otherwise return 503",
                List.of(), q -> ready()));
        endpoints.put("/stats", new Endpoint("print server stats", List.of(
                "filter: Regular expression for filtering stats",
                "format: One of (text, json, prometheus)"), this::stats));
        endpoints.put("/stats/prometheus", new Endpoint("print server stats in prometheus format",
                List.of("filter: Regular expression for filtering stats"), this::prometheus));
    }

    /** The answer to {@code method} on {@code uri} (path and query). */
    AdminResponse handle(String method, String uri) {
        QueryStringDecoder query = new QueryStringDecoder(uri);
        Endpoint endpoint = endpoints.get(query.path());
        if (endpoint == null) {
            return AdminResponse.text(404, "invalid path. " + helpText());
        }
        if (!"GET".equals(method)) {
            return AdminResponse.text(405, "method " + method + " not allowed: " + query.path() + " answers GET\n");
        }
        return endpoint.handler().apply(query);
    }

    private EnvoySnapshot snapshot() {
        EnvoySnapshot snapshot = view.snapshot();
        return snapshot == null ? EMPTY : snapshot;
    }

    /** Envoy's {@code handlerReady}: the server state's name, 200 only when {@code LIVE}. */
    private AdminResponse ready() {
        return view.ready() ? AdminResponse.text(200, "LIVE\n") : AdminResponse.text(503, "INITIALIZING\n");
    }

    private AdminResponse stats(QueryStringDecoder query) {
        String format = param(query, "format");
        if (format != null && !List.of("text", "json", "prometheus").contains(format)) {
            return AdminResponse.text(400, "usage: /stats?format=(text|json|prometheus)\n");
        }
        return withFilter(query, filter -> {
            if ("json".equals(format)) {
                return AdminResponse.json(StatsJson.render(view.stats(), filter));
            }
            if ("prometheus".equals(format)) {
                return AdminResponse.text(200, PrometheusText.render(view.stats(), filter));
            }
            return AdminResponse.text(200, StatsText.render(view.stats(), filter));
        });
    }

    private AdminResponse prometheus(QueryStringDecoder query) {
        return withFilter(query, filter -> AdminResponse.text(200, PrometheusText.render(view.stats(), filter)));
    }

    private AdminResponse clusters(QueryStringDecoder query) {
        return textOrJson(query, "/clusters", () -> ClusterStatuses.proto(view.clusters(), snapshot()), ClusterStatuses::text);
    }

    private AdminResponse listeners(QueryStringDecoder query) {
        return textOrJson(query, "/listeners", () -> ListenerStatuses.proto(view.listeners()), ListenerStatuses::text);
    }

    private <M extends Message> AdminResponse textOrJson(QueryStringDecoder query, String path,
            Supplier<M> message, Function<M, String> text) {
        String format = param(query, "format");
        if (format != null && !format.equals("text") && !format.equals("json")) {
            return AdminResponse.text(400, "usage: " + path + "?format=(text|json)\n");
        }
        M built = message.get();
        if (!"json".equals(format)) {
            return AdminResponse.text(200, text.apply(built));
        }
        try {
            return AdminResponse.json(ENVOY_ADMIN_JSON.print(built) + "\n");
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("cannot print " + built.getDescriptorForType().getFullName(), e);
        }
    }

    /** Runs {@code render} with the {@code filter} parameter compiled, or answers 400 for a regex that does not compile. */
    private static AdminResponse withFilter(QueryStringDecoder query, Function<Pattern, AdminResponse> render) {
        String filter = param(query, "filter");
        if (filter == null || filter.isEmpty()) {
            return render.apply(null);
        }
        try {
            return render.apply(Pattern.compile(filter));
        } catch (PatternSyntaxException e) {
            return AdminResponse.text(400, "Invalid regex: " + e.getDescription() + "\n");
        }
    }

    private static String param(QueryStringDecoder query, String name) {
        List<String> values = query.parameters().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private AdminResponse help() {
        return AdminResponse.text(200, helpText());
    }

    /** Envoy's {@code getHelp}: every path with its help line, then its parameters indented. */
    private String helpText() {
        StringBuilder out = new StringBuilder("admin commands are:\n");
        endpoints.forEach((path, endpoint) -> {
            out.append("  ").append(path).append(": ").append(endpoint.help()).append('\n');
            endpoint.params().forEach(p -> out.append("      ").append(p).append('\n'));
        });
        return out.toString();
    }
}
