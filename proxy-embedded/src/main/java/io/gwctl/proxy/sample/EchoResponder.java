package io.gwctl.proxy.sample;

import static java.util.Objects.requireNonNull;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;

/**
 * Answers {@code POST|PUT /echo} with the request body itself, piece by piece as it arrives, with the request's
 * {@code Content-Type} (and {@code Content-Length} when the client sent one). Nothing is gathered: each piece is
 * written as soon as it is read, and {@link SampleRequestHandler} stops reading the client while the response
 * side is not writable, so an upload of any size passes in bounded memory.
 */
final class EchoResponder implements InFlightRequest {

    private final Channel channel;

    private EchoResponder(Channel channel) {
        this.channel = requireNonNull(channel, "channel");
    }

    /** Sends the response head of {@code exchange}; its body follows the request's. */
    static InFlightRequest start(Exchange exchange) {
        HttpHeaders request = exchange.request().headers();
        HttpResponse head = exchange.newHead(HttpResponseStatus.OK);
        String contentType = request.get(HttpHeaderNames.CONTENT_TYPE);
        if (contentType != null) {
            head.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        }
        if (HttpUtil.isContentLengthSet(exchange.request())) {
            HttpUtil.setContentLength(head, HttpUtil.getContentLength(exchange.request()));
        } else {
            exchange.setUnknownLength(head);
        }
        exchange.channel().write(head);
        return new EchoResponder(exchange.channel());
    }

    @Override
    public void onContent(HttpContent content) {
        channel.writeAndFlush(content);
    }

    @Override
    public void onWritable() {
    }

    @Override
    public void cancel() {
    }
}
