package io.gwctl.proxy.sample;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.random.RandomGenerator;

/**
 * Streams {@code /bytes/N}: N random bytes with a {@code Content-Length}, written a chunk at a time and only while
 * the channel is writable, so a 100 MiB body costs a few chunks of memory however slowly the client reads. (httpbin
 * builds the whole body in memory and caps it at 100 KiB; streaming is what lets the cap here be 100 MiB.)
 */
final class BytesResponder implements PendingResponse {

    /** The largest body {@code /bytes/N} sends; a larger N is capped to it, as httpbin caps its own limit. */
    static final long MAX_BYTES = 100L * 1024 * 1024;

    static final int CHUNK_BYTES = 16 * 1024;

    private final Channel channel;
    private final RandomGenerator random;
    private final byte[] scratch;
    private long remaining;
    private boolean writing;

    private BytesResponder(Channel channel, RandomGenerator random, long length) {
        this.channel = requireNonNull(channel, "channel");
        this.random = requireNonNull(random, "random");
        this.scratch = new byte[(int) Math.min(CHUNK_BYTES, length)];
        this.remaining = length;
    }

    /**
     * Starts answering {@code exchange} with {@code length} bytes from {@code random} (capped to
     * {@link #MAX_BYTES}).
     */
    static PendingResponse start(Exchange exchange, long length, RandomGenerator random) {
        long capped = Math.min(length, MAX_BYTES);
        HttpResponse head = exchange.newHead(HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_OCTET_STREAM);
        HttpUtil.setContentLength(head, capped);
        Channel channel = exchange.channel();
        channel.write(head);
        if (exchange.isHead() || capped == 0) {
            channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
            return PendingResponse.NONE;
        }
        BytesResponder responder = new BytesResponder(channel, random, capped);
        responder.writeWhileWritable();
        return responder;
    }

    @Override
    public void onWritable() {
        writeWhileWritable();
    }

    @Override
    public void cancel() {
        remaining = 0;
    }

    /**
     * Writes chunks until the body is done or the channel stops being writable. A flush may drain the socket at
     * once and announce writability while still inside this loop, before anyone could pass that on; so after
     * each flush the loop looks again itself, and a writability event only ever has to restart it once it
     * stopped on a full channel.
     */
    private void writeWhileWritable() {
        if (writing) {
            return;
        }
        writing = true;
        try {
            while (remaining > 0 && channel.isWritable()) {
                while (remaining > 0 && channel.isWritable()) {
                    writeChunk();
                }
                channel.flush();
            }
        } finally {
            writing = false;
        }
    }

    private void writeChunk() {
        int size = (int) Math.min(scratch.length, remaining);
        random.nextBytes(scratch);
        ByteBuf chunk = channel.alloc().buffer(size).writeBytes(scratch, 0, size);
        remaining -= size;
        channel.write(remaining == 0 ? new DefaultLastHttpContent(chunk) : new DefaultHttpContent(chunk));
    }
}
