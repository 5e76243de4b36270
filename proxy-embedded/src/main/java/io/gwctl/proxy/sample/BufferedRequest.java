package io.gwctl.proxy.sample;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.CompositeByteBuf;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * A request for an endpoint that needs the whole body (the httpbin JSON endpoints report it as {@code "data"}):
 * the body is gathered up to {@link #MAX_BODY_BYTES}, then the endpoint answers. A larger body is read and
 * dropped, and answered with 413, so the connection stays usable.
 */
final class BufferedRequest implements InFlightRequest {

    /** The most body an endpoint gets to see; {@code /echo} streams bodies of any size instead. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private final Exchange exchange;
    private final Endpoint endpoint;
    private CompositeByteBuf body;
    private boolean tooLarge;
    private PendingResponse response = PendingResponse.NONE;

    BufferedRequest(Exchange exchange, Endpoint endpoint) {
        this.exchange = requireNonNull(exchange, "exchange");
        this.endpoint = requireNonNull(endpoint, "endpoint");
        this.body = exchange.channel().alloc().compositeBuffer();
    }

    @Override
    public void onContent(HttpContent content) {
        try {
            if (!tooLarge && content.content().isReadable()) {
                if (body.readableBytes() + content.content().readableBytes() > MAX_BODY_BYTES) {
                    tooLarge = true;
                    releaseBody();
                } else {
                    body.addComponent(true, content.content().retain());
                }
            }
        } finally {
            content.release();
        }
        if (content instanceof LastHttpContent) {
            answer();
        }
    }

    private void answer() {
        try {
            if (tooLarge) {
                exchange.respondText(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                        "request body larger than " + MAX_BODY_BYTES + " bytes");
            } else {
                response = endpoint.answer(exchange, body);
            }
        } finally {
            releaseBody();
        }
    }

    @Override
    public void onWritable() {
        response.onWritable();
    }

    @Override
    public void cancel() {
        releaseBody();
        response.cancel();
    }

    private void releaseBody() {
        if (body != null) {
            body.release();
            body = null;
        }
    }
}
