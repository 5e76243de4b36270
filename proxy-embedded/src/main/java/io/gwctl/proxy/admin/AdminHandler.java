package io.gwctl.proxy.admin;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

/**
 * Answers each aggregated admin request with what {@link AdminEndpoints} says, with the headers Envoy's
 * admin sets on every answer ({@code cache-control: no-cache, max-age=0}, {@code x-content-type-options:
 * nosniff}; envoyproxy/envoy source/server/admin/admin_filter.cc). A request that does not parse is answered
 * 400 and the connection closed, since what follows it on the connection cannot be trusted.
 */
final class AdminHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final String X_CONTENT_TYPE_OPTIONS = "x-content-type-options";

    private final AdminEndpoints endpoints;

    AdminHandler(AdminEndpoints endpoints) {
        this.endpoints = requireNonNull(endpoints, "endpoints");
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!request.decoderResult().isSuccess()) {
            ctx.writeAndFlush(response(AdminResponse.text(400, "bad request\n"), false))
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        AdminResponse answer;
        try {
            answer = endpoints.handle(request.method().name(), request.uri());
        } catch (RuntimeException e) {
            answer = AdminResponse.text(500, "internal error: " + e + "\n");
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        var written = ctx.writeAndFlush(response(answer, keepAlive));
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static FullHttpResponse response(AdminResponse answer, boolean keepAlive) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(answer.status()), Unpooled.wrappedBuffer(answer.body()));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, answer.contentType())
                .set(HttpHeaderNames.CACHE_CONTROL, "no-cache, max-age=0")
                .set(X_CONTENT_TYPE_OPTIONS, "nosniff")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, answer.body().length);
        if (answer.status() == 405) {
            response.headers().set(HttpHeaderNames.ALLOW, "GET");
        }
        HttpUtil.setKeepAlive(response, keepAlive);
        return response;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // An I/O error on an admin connection concerns that connection only.
        ctx.close();
    }
}
