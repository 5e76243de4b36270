package io.gwctl.proxy.http;

import io.envoyproxy.envoy.config.route.v3.DirectResponseAction;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.config.route.v3.WeightedCluster;
import io.envoyproxy.envoy.extensions.filters.http.cors.v3.CorsPolicy;
import io.envoyproxy.envoy.extensions.filters.http.fault.v3.HTTPFault;
import io.gwctl.proxy.accesslog.AccessLogEntry;
import io.gwctl.proxy.runtime.ConnectionManager;
import io.gwctl.proxy.runtime.Endpoint;
import io.gwctl.proxy.runtime.GatewayRuntime;
import io.gwctl.proxy.runtime.ListenerRuntime;
import io.gwctl.proxy.runtime.OutlierDetector;
import io.gwctl.proxy.runtime.UpstreamCluster;
import io.gwctl.proxy.stats.ClusterStats;
import io.gwctl.proxy.stats.HttpStats;
import io.gwctl.proxy.upstream.PoolOverflow;
import io.gwctl.proxy.upstream.UpstreamConnection;
import io.gwctl.proxy.upstream.UpstreamListener;
import io.gwctl.proxy.upstream.UpstreamPool;
import io.gwctl.translate.envoy.match.CompiledRoute;
import io.gwctl.translate.envoy.match.CompiledVirtualHost;
import io.gwctl.translate.envoy.match.HostNormalization;
import io.gwctl.translate.envoy.match.PathNormalization;
import io.gwctl.translate.envoy.match.RedirectLocations;
import io.gwctl.translate.envoy.match.RouteTable;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One request through the gateway, from its headers to the last byte of its response, as Envoy's connection
 * manager and router handle it: route by the shared matchers ({@link RouteTable}, the code
 * {@code proxy-config trace} explains), then the route's filters (fault, CORS), then its action: redirect,
 * direct response, or the upstream with the route's rewrites, header operations, timeout, retries and
 * mirrors. Everything runs on the downstream connection's event loop; the upstream connection is on the same
 * loop, so no state here is shared between threads.
 *
 * <p>Request body chunks go upstream as they arrive; reading pauses while the upstream cannot take more, and
 * the upstream is read only while the client can take more. A body of up to the listener's buffer limit is
 * also kept so a retry or a mirror can send it again (Envoy buffers for retries the same way).
 */
final class ProxyExchange implements UpstreamListener {

    /** Envoy's route timeout when a route sets none. */
    private static final long DEFAULT_ROUTE_TIMEOUT_MILLIS = 15_000;
    /** Envoy's default per-connection buffer limit, which bounds what is kept for retries. */
    private static final long DEFAULT_BUFFER_LIMIT = 1024 * 1024;

    private final Downstream downstream;
    private final GatewayServices services;
    private final GatewayRuntime runtime;
    private final ConnectionManager cm;
    private final int listenerPort;
    private final HttpRequest request;
    private final HttpStats httpStats;
    private final long startNanos = System.nanoTime();
    private final Instant startTime = Instant.now();
    private final boolean keepAlive;
    private final String authority;

    private CompiledVirtualHost vh;
    private Route route;
    private UpstreamCluster cluster;
    private ClusterStats clusterStats;
    private RetryRules retry = RetryRules.NONE;
    private RequestHash requestHash = RequestHash.NONE;
    private CorsPolicy cors;
    private String corsOrigin;
    private HttpRequest upstreamHead;
    private String originalPath;

    private final RequestBody body;
    private boolean requestComplete;

    private boolean responseStarted;
    private boolean responseComplete;
    private boolean finished;
    private boolean closeAfter;
    private int status;
    private final StringBuilder flags = new StringBuilder();
    private long bytesSent;
    private long upstreamMillis = -1;

    private UpstreamConnection connection;
    private Endpoint endpoint;
    private Endpoint previous;
    private int attempts;
    private boolean staleRetried;
    private long attemptStartNanos;
    private boolean pendingFault;
    private boolean faultDelayed;
    private boolean upstreamKeepAlive;
    private FullHttpResponse wholeResponse;
    private String upgrade;
    private boolean interim;
    private ScheduledFuture<?> globalTimer;
    private ScheduledFuture<?> perTryTimer;
    private boolean holdsRequest;
    private boolean holdsRetry;
    private boolean retryOverflowed;
    private UpstreamPool acquiringPool;
    private UpstreamPool.Callback acquiring;

    ProxyExchange(Downstream downstream, GatewayServices services, GatewayRuntime runtime, ListenerRuntime listener,
            ConnectionManager cm, HttpRequest request) {
        this.downstream = downstream;
        this.services = services;
        this.runtime = runtime;
        this.cm = cm;
        this.listenerPort = listener.port();
        this.request = request;
        this.httpStats = services.stats().http(cm.statPrefix());
        this.keepAlive = HttpUtil.isKeepAlive(request);
        this.authority = request.headers().get(HttpHeaderNames.HOST);
        this.body = new RequestBody(listener.proto().hasPerConnectionBufferLimitBytes()
                ? listener.proto().getPerConnectionBufferLimitBytes().getValue() : DEFAULT_BUFFER_LIMIT);
    }

    // ---- request side -------------------------------------------------------------------------------------

    /** Routes the request; its body follows through {@link #onRequestContent}. */
    void start() {
        httpStats.requestStarted();
        // The connection manager sets its headers before routing, so routes and require_tls see them, and a
        // client cannot claim x-envoy-internal (conn_manager_impl.cc, decodeHeaders then the router).
        EdgeHeaders.request(request.headers(), cm, downstream.remoteAddress(), downstream.tlsSession());
        // Routed and sent upstream normalized, as Envoy does with normalize_path (Istio's default).
        request.setUri(PathNormalization.forRouting(cm.proto(), request.uri()));
        RouteTable table = cm.routes();
        String host = HostNormalization.forRouting(cm.proto(), RequestView.receivedHost(request), listenerPort);
        RequestView view = new RequestView(request, downstream.tls(), host);
        vh = table == null ? null : table.virtualHost(host);
        if (vh == null) {
            httpStats.noRoute();
            localReply(LocalReply.NO_ROUTE);
            return;
        }
        if (!downstream.tls() && vh.requiresTls(view)) {
            redirect(301, RedirectLocations.httpsLocation(view));
            return;
        }
        CompiledRoute matched = vh.route(view);
        if (matched == null) {
            httpStats.noRoute();
            localReply(LocalReply.NO_ROUTE);
            return;
        }
        route = matched.proto();
        cors = cm.corsFilter() ? RouteFilters.cors(route, vh.proto()) : null;
        corsOrigin = Cors.allowedOrigin(cors, request);
        HTTPFault fault = cm.faultFilter() ? RouteFilters.fault(route, vh.proto()) : null;
        if (fault != null && fault.hasDelay() && fault.getDelay().hasFixedDelay()
                && RouteFilters.sampled(fault.getDelay().getPercentage())) {
            long delay = fault.getDelay().getFixedDelay().getSeconds() * 1000
                    + fault.getDelay().getFixedDelay().getNanos() / 1_000_000;
            faultDelayed = true;
            pendingFault = true;
            downstream.eventLoop().schedule(() -> {
                pendingFault = false;
                if (!finished) {
                    afterDelay(fault, view);
                }
            }, delay, TimeUnit.MILLISECONDS);
            return;
        }
        afterDelay(fault, view);
    }

    private void afterDelay(HTTPFault fault, RequestView view) {
        if (fault != null && fault.hasAbort() && fault.getAbort().getHttpStatus() > 0
                && RouteFilters.sampled(fault.getAbort().getPercentage())) {
            localReply(LocalReply.faultAbort(fault.getAbort().getHttpStatus()));
            return;
        }
        if (corsOrigin != null && Cors.isPreflight(request)) {
            FullHttpResponse preflight = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    Unpooled.EMPTY_BUFFER);
            Cors.preflight(cors, corsOrigin, preflight.headers());
            preflight.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
            respondFully(preflight);
            return;
        }
        switch (route.getActionCase()) {
            case REDIRECT -> redirect(RedirectLocations.status(route.getRedirect()),
                    RedirectLocations.location(route.getRedirect(), route.getMatch(), view));
            case DIRECT_RESPONSE -> directResponse(route.getDirectResponse());
            case ROUTE -> forward(route.getRoute());
            default -> {
                httpStats.noRoute();
                localReply(LocalReply.NO_ROUTE);
            }
        }
        if (requestComplete && !finished) {
            onRequestEnd();
        }
    }

    /** A body chunk from the client; the exchange owns it. */
    void onRequestContent(HttpContent content) {
        body.add(content, !finished && !(responseStarted && connection == null));
        if (body.complete()) {
            requestComplete = true;
            onRequestEnd();
        } else if (connection != null) {
            body.writeTo(connection.channel());
        }
    }

    private void onRequestEnd() {
        if (finished) {
            downstream.exchangeDone(this, closeAfter());
            return;
        }
        if (upstreamHead == null || pendingFault) {
            return;
        }
        if (globalTimer == null) {
            long timeout = routeTimeoutMillis();
            if (timeout > 0) {
                globalTimer = downstream.eventLoop().schedule(this::onGlobalTimeout, timeout, TimeUnit.MILLISECONDS);
            }
            sendMirrors();
        }
        if (connection != null) {
            body.writeTo(connection.channel());
        }
    }

    /** Whether the client's connection should be read now for more of this request. */
    boolean wantsRequestData() {
        if (requestComplete) {
            return false;
        }
        if (finished || responseStarted && connection == null) {
            return true;
        }
        if (connection == null) {
            return body.hasRoom();
        }
        return connection.channel().isWritable();
    }

    // ---- routing outcomes -----------------------------------------------------------------------------------

    private void forward(RouteAction action) {
        String clusterName = pickCluster(action);
        cluster = clusterName == null ? null : runtime.cluster(clusterName);
        if (cluster == null) {
            httpStats.noCluster();
            localReply(LocalReply.NO_CLUSTER);
            return;
        }
        clusterStats = services.stats().cluster(cluster.name());
        if (cluster.endpoints().isEmpty()) {
            clusterStats.noHealthyUpstream();
            localReply(LocalReply.NO_HEALTHY_UPSTREAM);
            return;
        }
        retry = action.hasRetryPolicy() ? RetryRules.of(action.getRetryPolicy())
                : vh.proto().hasRetryPolicy() ? RetryRules.of(vh.proto().getRetryPolicy()) : RetryRules.NONE;
        body.retain(retry.retries() > 0 || action.getRequestMirrorPoliciesCount() > 0);
        if (cluster.hashBalanced()) {
            requestHash = RequestHash.of(action, request, downstream.remoteAddress());
        }
        String requested = request.headers().get(HttpHeaderNames.UPGRADE);
        if (requested != null && requested.equalsIgnoreCase("websocket") && cm.websocket() && downstream.http1()) {
            upgrade = requested;
        }
        upstreamHead = upstreamRequest(action);
        clusterStats.requestStarted();
        startAttempt();
    }

    private static String pickCluster(RouteAction action) {
        switch (action.getClusterSpecifierCase()) {
            case CLUSTER:
                return action.getCluster();
            case WEIGHTED_CLUSTERS: {
                List<WeightedCluster.ClusterWeight> clusters = action.getWeightedClusters().getClustersList();
                long total = 0;
                for (WeightedCluster.ClusterWeight c : clusters) {
                    total += c.getWeight().getValue();
                }
                if (total <= 0) {
                    return null;
                }
                long pick = ThreadLocalRandom.current().nextLong(total);
                for (WeightedCluster.ClusterWeight c : clusters) {
                    pick -= c.getWeight().getValue();
                    if (pick < 0) {
                        return c.getName();
                    }
                }
                return null;
            }
            default:
                return null;
        }
    }

    /**
     * The request as it goes upstream: rewritten path and authority, edge headers, header operations. The
     * decoded request is changed in place (the exchange owns it), so no header is copied per request.
     */
    private HttpRequest upstreamRequest(RouteAction action) {
        String path = request.uri();
        String rewritten = PathRewrites.rewrite(action, route.getMatch(), path);
        if (rewritten != null) {
            originalPath = path;
            request.setUri(rewritten);
        }
        boolean bodyless = downstream.bodyless(request);
        boolean chunked = HttpUtil.isTransferEncodingChunked(request);
        request.setProtocolVersion(HttpVersion.HTTP_1_1);
        HttpHeaders headers = request.headers();
        EdgeHeaders.removeHopByHop(headers);
        if (upgrade != null) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE);
            headers.set(HttpHeaderNames.UPGRADE, upgrade);
        }
        if (!headers.contains(HttpHeaderNames.CONTENT_LENGTH) && (chunked || !bodyless)) {
            HttpUtil.setTransferEncodingChunked(request, true);
        }
        if (originalPath != null) {
            headers.set("x-envoy-original-path", originalPath);
        }
        if (!action.getHostRewriteLiteral().isEmpty()) {
            headers.set(HttpHeaderNames.HOST, action.getHostRewriteLiteral());
        }
        long timeout = routeTimeoutMillis();
        if (timeout > 0) {
            headers.set("x-envoy-expected-rq-timeout-ms", Long.toString(timeout));
        }
        HeaderMutations.request(headers, route, vh.proto(), cm.routes().config());
        return request;
    }

    private long routeTimeoutMillis() {
        if (route == null || !route.hasRoute()) {
            return 0;
        }
        RouteAction action = route.getRoute();
        if (!action.hasTimeout()) {
            return DEFAULT_ROUTE_TIMEOUT_MILLIS;
        }
        return action.getTimeout().getSeconds() * 1000 + action.getTimeout().getNanos() / 1_000_000;
    }

    private void redirect(int code, String location) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(code), Unpooled.EMPTY_BUFFER);
        response.headers().set(HttpHeaderNames.LOCATION, location);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
        respondFully(response);
    }

    private void directResponse(DirectResponseAction action) {
        byte[] bytes = switch (action.getBody().getSpecifierCase()) {
            case INLINE_STRING -> action.getBody().getInlineString().getBytes(StandardCharsets.UTF_8);
            case INLINE_BYTES -> action.getBody().getInlineBytes().toByteArray();
            default -> new byte[0];
        };
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(action.getStatus()), Unpooled.wrappedBuffer(bytes));
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        if (bytes.length > 0) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain");
        }
        respondFully(response);
    }

    // ---- upstream attempts ----------------------------------------------------------------------------------

    private void startAttempt() {
        attempts++;
        endpoint = cluster.pick(previous, requestHash.hash());
        if (endpoint == null) {
            clusterStats.noHealthyUpstream();
            failBeforeResponse(LocalReply.NO_HEALTHY_UPSTREAM);
            return;
        }
        if (!cluster.breaker().requests().tryAcquire()) {
            // max_requests: turned away at once, as Envoy's pool does (conn_pool_base.cc, newStreamImpl).
            clusterStats.pendingOverflow();
            failBeforeResponse(LocalReply.OVERFLOW);
            return;
        }
        holdsRequest = true;
        attemptStartNanos = System.nanoTime();
        UpstreamPool pool = services.pools().of(downstream.eventLoop());
        UpstreamPool.Callback callback = new UpstreamPool.Callback() {
            @Override
            public void connected(UpstreamConnection c) {
                if (acquiring == this) {
                    acquiring = null;
                }
                onConnected(c);
            }

            @Override
            public void failed(Throwable cause) {
                if (acquiring == this) {
                    acquiring = null;
                }
                onConnectFailed(cause);
            }
        };
        acquiringPool = pool;
        acquiring = callback;
        // The Host only matters to a TLS cluster's auto SNI.
        String authority = cluster.tls() == null ? null : upstreamHead.headers().get(HttpHeaderNames.HOST);
        pool.acquire(endpoint, cluster, authority, clusterStats, callback);
    }

    private void onConnected(UpstreamConnection c) {
        if (finished || responseStarted) {
            c.release();
            return;
        }
        connection = c;
        cluster.outlierDetector().putConnected(endpoint);
        cluster.started(endpoint);
        clusterStats.host(endpoint.hostPort()).requestStarted();
        c.listen(this);
        c.channel().config().setAutoRead(downstream.writable());
        // Encoding happens within write() on this event loop, so a retry may change and send the same head.
        HttpRequest head = upstreamHead;
        if (vh.proto().getIncludeRequestAttemptCount()) {
            head.headers().set("x-envoy-attempt-count", Integer.toString(attempts));
        }
        body.rewind();
        c.channel().write(head, c.channel().voidPromise());
        body.writeTo(c.channel());
        long perTry = retry.perTryTimeoutMillis();
        if (perTry > 0) {
            perTryTimer = downstream.eventLoop().schedule(this::onPerTryTimeout, perTry, TimeUnit.MILLISECONDS);
        }
        downstream.readMore();
    }

    /** Whether the request can be sent again: its body is all kept. */
    private boolean replayable() {
        return body.replayable();
    }

    private boolean mayRetry() {
        return !responseStarted && !finished && attempts <= retry.retries() && replayable();
    }

    /**
     * Takes one of the cluster's {@code max_retries}; when none is left the request is not retried, counted in
     * {@code upstream_rq_retry_overflow} and flagged {@code UO}, and the failure goes to the client as it is
     * (envoyproxy/envoy {@code source/common/router/retry_state_impl.cc}, {@code RetryStatus::NoOverflow}).
     * The retry holds it until its outcome is known.
     */
    private boolean takeRetry() {
        if (cluster.breaker().retries().tryAcquire()) {
            holdsRetry = true;
            return true;
        }
        clusterStats.retryOverflow();
        retryOverflowed = true;
        appendFlagOnce("UO");
        return false;
    }

    /** Tells outlier detection how the attempt to {@code endpoint} failed without a response. */
    private void outlier(OutlierDetector.LocalFailure failure) {
        if (endpoint != null) {
            cluster.outlierDetector().putLocalFailure(endpoint, failure, clusterStats, downstream.eventLoop());
        }
    }

    private void releaseRetry() {
        if (holdsRetry) {
            holdsRetry = false;
            cluster.breaker().retries().release();
        }
    }

    /** Gives back the attempt's {@code max_requests} slot, and its place in the pool's queue if it waits. */
    private void releaseRequest() {
        if (acquiring != null) {
            acquiringPool.cancel(acquiring);
            acquiring = null;
        }
        if (holdsRequest) {
            holdsRequest = false;
            cluster.breaker().requests().release();
        }
    }

    private void onConnectFailed(Throwable cause) {
        if (finished) {
            return;
        }
        releaseRequest();
        releaseRetry();
        if (cause instanceof PoolOverflow) {
            // max_pending_requests: never retried (Envoy's retry state declines an overflow reset).
            failBeforeResponse(LocalReply.OVERFLOW);
            return;
        }
        appendFlagOnce("UF");
        outlier(OutlierDetector.LocalFailure.CONNECT_FAILED);
        if (retry.retriesConnectFailure() && mayRetry() && takeRetry()) {
            scheduleRetry();
            return;
        }
        failBeforeResponse(LocalReply.CONNECT_FAILURE);
    }

    private void scheduleRetry() {
        clusterStats.retry();
        previous = endpoint;
        long wait = retry.backOffMillis(attempts);
        downstream.eventLoop().schedule(() -> {
            if (!finished && !responseStarted) {
                startAttempt();
            }
        }, wait, TimeUnit.MILLISECONDS);
    }

    private void endAttempt(boolean reuse) {
        cancel(perTryTimer);
        perTryTimer = null;
        releaseRequest();
        if (connection != null) {
            cluster.finished(endpoint);
            if (reuse) {
                connection.release();
            } else {
                connection.discard();
            }
            connection = null;
        }
    }

    @Override
    public void onUpstreamMessage(HttpObject message) {
        if (finished && !responseStarted) {
            ReferenceCountUtil.release(message);
            return;
        }
        if (message instanceof HttpResponse response) {
            onResponseHead(response);
            if (connection == null && !responseStarted || interim) {
                // Retried (the attempt's connection is gone, and so is this response), or a 1xx.
                ReferenceCountUtil.release(message);
                return;
            }
            if (response instanceof LastHttpContent whole) {
                if (responseStarted && !finished) {
                    onResponseContent(whole);
                } else {
                    whole.release();
                }
            }
            return;
        }
        if (interim && message instanceof LastHttpContent) {
            // The end of a 1xx (100 Continue): the real response follows.
            interim = false;
            ReferenceCountUtil.release(message);
            return;
        }
        if (message instanceof HttpContent content) {
            onResponseContent(content);
        } else {
            ReferenceCountUtil.release(message);
        }
    }

    private void onResponseHead(HttpResponse response) {
        cancel(perTryTimer);
        int code = response.status().code();
        if (code >= 100 && code < 200 && code != 101) {
            interim = !(response instanceof LastHttpContent);
            return;
        }
        releaseRetry();
        int grpc = grpcStatus(response.headers());
        cluster.outlierDetector().putResponse(endpoint, code, clusterStats, downstream.eventLoop());
        clusterStats.upstreamRequest(code, (System.nanoTime() - attemptStartNanos) / 1000);
        clusterStats.host(endpoint.hostPort()).requestFinished(code < 500);
        if (retry.retriesStatus(code, grpc) && mayRetry() && takeRetry()) {
            // As Envoy resets the upstream request it retries: the rest of this response is never read.
            endAttempt(false);
            appendFlagOnce("URX");
            scheduleRetry();
            return;
        }
        if (code == 101 && upgrade != null && !(response instanceof LastHttpContent)) {
            switchProtocols(response);
            return;
        }
        flags.setLength(0);
        if (retryOverflowed) {
            appendFlag("UO");
        }
        responseStarted = true;
        status = code;
        upstreamKeepAlive = HttpUtil.isKeepAlive(response);
        upstreamMillis = (System.nanoTime() - attemptStartNanos) / 1_000_000;
        HttpResponse out = response;
        out.setProtocolVersion(HttpVersion.HTTP_1_1);
        HttpHeaders headers = out.headers();
        boolean chunked = HttpUtil.isTransferEncodingChunked(response);
        EdgeHeaders.removeHopByHop(headers);
        if (!headers.contains(HttpHeaderNames.CONTENT_LENGTH) && !chunked && mayHaveBody(code)
                && !(response instanceof LastHttpContent)) {
            HttpUtil.setTransferEncodingChunked(out, true);
        }
        headers.set("x-envoy-upstream-service-time", Long.toString(upstreamMillis));
        headers.set(HttpHeaderNames.SERVER, cm.serverName());
        if (!headers.contains(HttpHeaderNames.DATE)) {
            headers.set(HttpHeaderNames.DATE, HttpDates.now());
        }
        HeaderMutations.response(headers, route, vh.proto(), cm.routes().config());
        if (requestHash.setCookie() != null) {
            headers.add(HttpHeaderNames.SET_COOKIE, requestHash.setCookie());
        }
        if (corsOrigin != null) {
            Cors.response(cors, corsOrigin, headers);
        }
        if (response instanceof LastHttpContent whole) {
            wholeResponse = (FullHttpResponse) whole.retain();
            return;
        }
        downstream.writeHead(out, closeAfter());
    }

    /**
     * {@code 101 Switching Protocols} to a WebSocket upgrade: the answer goes to the client, then both
     * connections stop speaking HTTP and their bytes are relayed as they are until either side closes.
     */
    private void switchProtocols(HttpResponse response) {
        flags.setLength(0);
        responseStarted = true;
        responseComplete = true;
        status = 101;
        upstreamMillis = (System.nanoTime() - attemptStartNanos) / 1_000_000;
        HttpResponse out = new DefaultHttpResponse(HttpVersion.HTTP_1_1, response.status());
        out.headers().set(response.headers());
        out.headers().set(HttpHeaderNames.SERVER, cm.serverName());
        UpstreamConnection tunnel = connection;
        connection = null;
        cancel(perTryTimer);
        cancel(globalTimer);
        cluster.finished(endpoint);
        releaseRequest();
        finished = true;
        cleanup();
        log();
        downstream.switchProtocols(out, tunnel.channel());
    }

    private boolean mayHaveBody(int code) {
        return code >= 200 && code != 204 && code != 304 && !request.method().equals(HttpMethod.HEAD);
    }

    private void onResponseContent(HttpContent content) {
        bytesSent += content.content().readableBytes();
        if (wholeResponse != null) {
            // A response that came whole (HTTP/2 HEADERS with END_STREAM, as a gRPC trailers-only answer)
            // leaves whole, so the client's stream ends with its headers too.
            FullHttpResponse whole = wholeResponse;
            wholeResponse = null;
            content.release();
            HttpUtil.setTransferEncodingChunked(whole, false);
            if (!whole.headers().contains(HttpHeaderNames.CONTENT_LENGTH) && mayHaveBody(whole.status().code())) {
                HttpUtil.setContentLength(whole, whole.content().readableBytes());
            }
            downstream.writeHead(whole, closeAfter());
            responseComplete = true;
            endAttempt(body.ended() && upstreamKeepAlive && connection != null && connection.channel().isActive());
            finish();
            return;
        }
        boolean last = content instanceof LastHttpContent;
        if (last) {
            LastHttpContent end = (LastHttpContent) content;
            downstream.writeBody(new DefaultLastHttpContent(end.content(), end.trailingHeaders()), true);
            responseComplete = true;
            endAttempt(body.ended() && upstreamKeepAlive && connection != null && connection.channel().isActive());
            finish();
        } else {
            downstream.writeBody(new DefaultHttpContent(content.content()), false);
        }
    }

    @Override
    public void onUpstreamClosed(Throwable cause) {
        if (finished || connection == null) {
            return;
        }
        boolean reused = connection.reused();
        connection = null;
        cluster.finished(endpoint);
        cancel(perTryTimer);
        releaseRequest();
        releaseRetry();
        if (!responseStarted) {
            if (reused && !staleRetried && replayable()) {
                // A pooled keep-alive connection the upstream had already closed: send again once.
                staleRetried = true;
                attempts--;
                startAttempt();
                return;
            }
            appendFlagOnce("UC");
            outlier(OutlierDetector.LocalFailure.CONNECT_FAILED);
            if (retry.retriesReset() && mayRetry() && takeRetry()) {
                scheduleRetry();
                return;
            }
            failBeforeResponse(LocalReply.UPSTREAM_RESET);
            return;
        }
        appendFlagOnce("UC");
        abort();
    }

    @Override
    public void onUpstreamReadComplete() {
        downstream.flush();
    }

    @Override
    public void onUpstreamWritabilityChanged(boolean writable) {
        if (writable) {
            downstream.readMore();
        }
    }

    /** The client's side can take more (or no more) response bytes. */
    void onDownstreamWritabilityChanged(boolean writable) {
        if (connection != null) {
            connection.channel().config().setAutoRead(writable);
        }
    }

    private void onPerTryTimeout() {
        if (finished || responseStarted || connection == null) {
            return;
        }
        clusterStats.perTryTimeout();
        outlier(OutlierDetector.LocalFailure.TIMEOUT);
        endAttempt(false);
        releaseRetry();
        if (retry.retriesPerTryTimeout() && mayRetry() && takeRetry()) {
            scheduleRetry();
            return;
        }
        clusterStats.requestTimeout();
        failBeforeResponse(LocalReply.TIMEOUT);
    }

    private void onGlobalTimeout() {
        if (finished) {
            return;
        }
        httpStats.timeout();
        if (clusterStats != null) {
            clusterStats.requestTimeout();
        }
        if (connection != null && !responseStarted) {
            outlier(OutlierDetector.LocalFailure.TIMEOUT);
        }
        endAttempt(false);
        if (!responseStarted) {
            chargeUpstream(LocalReply.TIMEOUT.status());
            localReply(LocalReply.TIMEOUT);
        } else {
            appendFlagOnce("UT");
            abort();
        }
    }

    // ---- mirrors --------------------------------------------------------------------------------------------

    private void sendMirrors() {
        if (route == null || !route.hasRoute() || !replayable()) {
            return;
        }
        for (RouteAction.RequestMirrorPolicy policy : route.getRoute().getRequestMirrorPoliciesList()) {
            if (policy.hasRuntimeFraction() && !RouteFilters.sampled(policy.getRuntimeFraction().getDefaultValue())) {
                continue;
            }
            UpstreamCluster target = runtime.cluster(policy.getCluster());
            if (target == null || target.endpoints().isEmpty()) {
                continue;
            }
            MirrorRequest.send(services, downstream.eventLoop(), target, upstreamHead, body.copy(), body.trailers());
        }
    }

    // ---- answers --------------------------------------------------------------------------------------------

    private void failBeforeResponse(LocalReply reply) {
        endAttempt(false);
        chargeUpstream(reply.status());
        localReply(reply);
    }

    /** Counts a reply the gateway makes for the upstream (a failed connect, a timeout) as Envoy's router does. */
    private void chargeUpstream(int code) {
        if (clusterStats != null) {
            clusterStats.upstreamRequest(code, (System.nanoTime() - attemptStartNanos) / 1000);
        }
    }

    private void localReply(LocalReply reply) {
        if (responseStarted || finished) {
            return;
        }
        if (!reply.flag().isEmpty()) {
            appendFlagOnce(reply.flag());
        }
        FullHttpResponse response = reply.toResponse(HttpVersion.HTTP_1_1, downstream.alloc(), cm.serverName());
        if (reply == LocalReply.OVERFLOW) {
            // The router's word that a circuit breaker dropped the request (router.cc, onUpstreamAbort).
            response.headers().set("x-envoy-overloaded", "true");
        }
        respondFully(response);
    }

    private void respondFully(FullHttpResponse response) {
        if (responseStarted || finished) {
            response.release();
            return;
        }
        responseStarted = true;
        status = response.status().code();
        bytesSent = response.content().readableBytes();
        HttpHeaders headers = response.headers();
        headers.set(HttpHeaderNames.SERVER, cm.serverName());
        if (!headers.contains(HttpHeaderNames.DATE)) {
            headers.set(HttpHeaderNames.DATE, HttpDates.now());
        }
        if (route != null && vh != null && cm.routes() != null) {
            HeaderMutations.response(headers, route, vh.proto(), cm.routes().config());
        }
        if (!requestComplete && !downstream.bodyless(request)) {
            // The rest of the body is read and dropped, and the connection closed after it, as Envoy closes a
            // connection it answered before the request ended.
            closeAfter = closeAfter || downstream.http1();
        }
        downstream.writeHead(response, closeAfter());
        responseComplete = true;
        finish();
    }

    private boolean closeAfter() {
        return closeAfter || !keepAlive;
    }

    /** The client or the stream went away before the exchange ended. */
    void onDownstreamClosed() {
        if (finished) {
            return;
        }
        if (!responseComplete) {
            appendFlagOnce("DC");
        }
        endAttempt(false);
        finished = true;
        cleanup();
        log();
    }

    private void abort() {
        finished = true;
        cleanup();
        log();
        downstream.abort();
    }

    private void finish() {
        if (finished) {
            return;
        }
        finished = true;
        cleanup();
        log();
        if (requestComplete) {
            downstream.exchangeDone(this, closeAfter());
        }
    }

    private void cleanup() {
        cancel(globalTimer);
        cancel(perTryTimer);
        releaseRequest();
        releaseRetry();
        if (clusterStats != null) {
            clusterStats.requestFinished();
        }
        body.release();
    }

    private void log() {
        long micros = (System.nanoTime() - startNanos) / 1000;
        httpStats.requestFinished(status, micros);
        if (!services.accessLog().enabled()) {
            return;
        }
        HttpHeaders h = request.headers();
        services.accessLog().log(new AccessLogEntry(startTime, request.method().name(),
                originalPath != null ? originalPath : request.uri(), downstream.protocol(), status,
                faultDelayed ? flags.length() == 0 ? "DI" : "DI," + flags : flags.toString(), body.bytes(), bytesSent, micros / 1000, upstreamMillis, h.get("x-forwarded-for"),
                request.headers().get(HttpHeaderNames.USER_AGENT), h.get("x-request-id"),
                authority, endpoint == null ? null : endpoint.hostPort()));
    }

    private void appendFlag(String flag) {
        if (flags.length() > 0) {
            flags.append(',');
        }
        flags.append(flag);
    }

    private void appendFlagOnce(String flag) {
        if (flags.indexOf(flag) < 0) {
            appendFlag(flag);
        }
    }

    private static int grpcStatus(HttpHeaders headers) {
        String value = headers.get("grpc-status");
        if (value == null) {
            return -1;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void cancel(ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    int status() {
        return status;
    }
}
