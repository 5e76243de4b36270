package io.gwctl.cli.commands.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gwctl.cli.output.JsonStyle;
import io.gwctl.cli.Environment;
import io.gwctl.cli.EnvironmentAware;
import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.UserException;
import io.gwctl.translate.envoy.EnvoySnapshot;
import io.gwctl.translate.envoy.match.RequestMatcher;
import io.gwctl.translate.envoy.match.Trace;
import io.gwctl.translate.envoy.match.TraceRequest;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code proxy-config trace URL}: why does this request get a 404? Walks one request through the gateway's
 * Envoy config with the same matcher the embedded gateway uses, and says at each step what matched and why
 * the rest did not. The URL's scheme is how the request arrives ({@code http}, {@code https} = TLS with SNI
 * from the host unless {@code --sni}, {@code tcp}, {@code tls} = raw bytes over TLS) and its port is the
 * listener port.
 */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = {"Trace one request through the gateway's config: listener, filter chain, virtual host, route, cluster.",
                "Exit code 0: the request reaches a route; 1: it does not (the error says why); 2: usage error."})
public final class TraceCommand implements Callable<Integer>, EnvironmentAware {

    private static final ObjectMapper JSON = JsonStyle.mapper();

    /** The formats of {@code trace -o}. */
    enum Format {
        text,
        json
    }

    @Spec
    CommandSpec spec;

    @Mixin
    SnapshotOptions source;

    @Parameters(index = "0", paramLabel = "URL", description = "e.g. http://httpbin.example.com:8080/status/200")
    String url;

    @Option(names = {"-H", "--header"}, paramLabel = "'Name: value'", description = "A request header. Repeatable.")
    List<String> headers = new ArrayList<>();

    @Option(names = {"-X", "--request"}, paramLabel = "METHOD", defaultValue = "GET", description = "The method (default: GET).")
    String method;

    @Option(names = "--sni", paramLabel = "NAME", description = "The TLS server name (default: the URL's host).")
    String sni;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        TraceRequest request = request();
        EnvoySnapshot snapshot = source.load(environment, spec.commandLine().getErr(), format == Format.json);
        Trace trace = RequestMatcher.trace(snapshot, request);
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == Format.json ? json(trace) : text(trace));
        out.flush();
        return trace.error() == null ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    private TraceRequest request() {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new UserException(ExitCodes.USAGE, "not a URL: " + url + " (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!List.of("http", "https", "tcp", "tls").contains(scheme) || uri.getHost() == null) {
            throw new UserException(ExitCodes.USAGE, "the URL must be http://, https://, tcp:// or tls:// with a host: " + url);
        }
        int port = uri.getPort();
        if (port < 0) {
            port = switch (scheme) {
                case "http" -> 80;
                case "https" -> 443;
                default -> throw new UserException(ExitCodes.USAGE, scheme + ":// needs a port: " + url);
            };
        }
        // A client sends the port in Host only when it is not the scheme's default, as curl does.
        boolean defaultPort = (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String host = uri.getHost() + (defaultPort || uri.getPort() < 0 ? "" : ":" + port);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        Map<String, List<String>> headerMap = new LinkedHashMap<>();
        for (String h : headers) {
            int colon = h.indexOf(':');
            if (colon <= 0) {
                throw new UserException(ExitCodes.USAGE, "a header is 'Name: value', not: " + h);
            }
            headerMap.computeIfAbsent(h.substring(0, colon).trim(), k -> new ArrayList<>()).add(h.substring(colon + 1).trim());
        }
        String hostHeader = headerMap.containsKey("Host") ? headerMap.remove("Host").get(0) : host;
        return new TraceRequest(scheme, port, sni, hostHeader, path, method, headerMap);
    }

    static String text(Trace trace) {
        StringBuilder out = new StringBuilder();
        trace.steps().forEach(s -> out.append("  ").append(s).append('\n'));
        line(out, "listener", trace.listener());
        line(out, "filter chain", trace.filterChain());
        line(out, "route config", trace.routeConfig());
        line(out, "virtual host", trace.virtualHost());
        line(out, "route", trace.route());
        out.append("result:        ").append(result(trace)).append('\n');
        return out.toString();
    }

    private static void line(StringBuilder out, String label, String value) {
        if (value != null) {
            out.append(String.format("%-15s%s%n", label + ":", value));
        }
    }

    private static String result(Trace trace) {
        if (trace.error() != null) {
            String answer = switch (trace.error()) {
                case NO_VIRTUAL_HOST, NO_ROUTE -> " (Envoy answers 404)";
                case TLS_REDIRECT -> " (Envoy answers 301 to " + trace.location() + ")";
                default -> " (the connection fails)";
            };
            return "error " + trace.error().code() + answer;
        }
        return switch (trace.outcome()) {
            case REDIRECT -> "redirect " + trace.status() + " to " + trace.location();
            case DIRECT_RESPONSE -> "direct response " + trace.status();
            default -> "cluster " + clusters(trace);
        };
    }

    private static String clusters(Trace trace) {
        if (trace.clusters().size() == 1) {
            return trace.clusters().get(0).name();
        }
        return trace.clusters().stream().map(c -> c.name() + " (" + c.weight() + ")").collect(Collectors.joining(", "));
    }

    static String json(Trace trace) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("listener", trace.listener());
        out.put("filterChain", trace.filterChain());
        out.put("routeConfig", trace.routeConfig());
        out.put("virtualHost", trace.virtualHost());
        out.put("route", trace.route());
        out.put("cluster", trace.clusters().isEmpty() ? null : clusters(trace));
        out.put("error", trace.error() == null ? null : trace.error().code());
        out.put("steps", trace.steps());
        try {
            return JSON.writeValueAsString(out) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot print the trace", e);
        }
    }
}
