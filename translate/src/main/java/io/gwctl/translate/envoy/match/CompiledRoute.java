package io.gwctl.translate.envoy.match;

import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import java.util.List;
import java.util.Objects;

/**
 * A route with its match compiled: header names lower-cased and regexes compiled once, so matching a request
 * compiles and formats nothing. A route matches when the request is gRPC if {@code grpc} asks for it, every
 * header and query parameter condition holds, and its path specifier matches, as
 * {@code RouteEntryImplBase::matchRoute} and the path subclasses in envoyproxy/envoy
 * {@code source/common/router/config_impl.cc} decide. {@code runtime_fraction} is not evaluated: the route is
 * taken as matching. {@code tls_context}, {@code dynamic_metadata} and {@code filter_state} are not evaluated
 * either. Immutable and safe to share between threads.
 */
public final class CompiledRoute {

    /** What {@link #firstFailure} answers when every condition holds. */
    private static final int MATCHES = -1;
    /** What {@link #firstFailure} answers when the route wants gRPC and the request is not. */
    private static final int NOT_GRPC = -2;
    private static final String GRPC_CONTENT_TYPE = "application/grpc";

    private final Route proto;
    private final int index;
    private final boolean grpc;
    private final HeaderCondition[] headers;
    private final QueryCondition[] queryParameters;
    private final PathCondition path;

    CompiledRoute(Route proto, int index) {
        this.proto = Objects.requireNonNull(proto, "proto");
        this.index = index;
        RouteMatch match = proto.getMatch();
        this.grpc = match.hasGrpc();
        this.headers = match.getHeadersList().stream().map(HeaderCondition::new).toArray(HeaderCondition[]::new);
        this.queryParameters = match.getQueryParametersList().stream().map(QueryCondition::new)
                .toArray(QueryCondition[]::new);
        this.path = new PathCondition(match);
    }

    public Route proto() {
        return proto;
    }

    /** The route's position in its virtual host. */
    public int index() {
        return index;
    }

    public boolean matches(HttpRequestView request) {
        return firstFailure(request) == MATCHES;
    }

    /** Why the route does not match the request (the text the trace prints), or null when it matches. */
    public String mismatch(HttpRequestView request) {
        int failure = firstFailure(request);
        if (failure == MATCHES) {
            return null;
        }
        if (failure == NOT_GRPC) {
            List<String> contentType = request.header("content-type");
            return "grpc: content-type " + (contentType.isEmpty() ? "(absent)" : contentType.get(0))
                    + " is not application/grpc";
        }
        if (failure < headers.length) {
            return headers[failure].mismatch(request);
        }
        failure -= headers.length;
        if (failure < queryParameters.length) {
            return queryParameters[failure].mismatch();
        }
        return path.mismatch(request.path());
    }

    /**
     * The first condition that fails, in Envoy's order: {@link #NOT_GRPC}, else the conditions numbered headers
     * first, then query parameters, then the path; {@link #MATCHES} when none fails. Both {@link #matches} and
     * {@link #mismatch} decide here.
     */
    private int firstFailure(HttpRequestView request) {
        if (grpc && !isGrpc(request)) {
            return NOT_GRPC;
        }
        int condition = 0;
        for (HeaderCondition header : headers) {
            if (!header.matches(request)) {
                return condition;
            }
            condition++;
        }
        for (QueryCondition parameter : queryParameters) {
            if (!parameter.matches(request.path())) {
                return condition;
            }
            condition++;
        }
        return path.matches(request.path()) ? MATCHES : condition;
    }

    /**
     * A gRPC request has the content type {@code application/grpc}, possibly followed by {@code +} and a
     * subtype (envoyproxy/envoy {@code source/common/grpc/common.cc}, {@code Common::hasGrpcContentType}).
     */
    private static boolean isGrpc(HttpRequestView request) {
        List<String> contentType = request.header("content-type");
        if (contentType.isEmpty()) {
            return false;
        }
        String value = contentType.get(0);
        return value.startsWith(GRPC_CONTENT_TYPE) && (value.length() == GRPC_CONTENT_TYPE.length()
                || value.charAt(GRPC_CONTENT_TYPE.length()) == '+');
    }
}
