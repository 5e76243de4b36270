package io.gwctl.proxy.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.ArrayList;
import java.util.List;

/**
 * A request's body on its way upstream. Chunks are held until an upstream connection takes them; when the
 * request may have to be sent again (a retry, a mirror), they are also kept after being written, up to the
 * buffer limit, as Envoy buffers a body for retries. Past the limit the body streams through and cannot be
 * sent again. Owned by one exchange on one event loop.
 */
final class RequestBody {

    private final long limit;
    private final List<ByteBuf> chunks = new ArrayList<>();
    /** How many of {@link #chunks} the current attempt has written. */
    private int written;
    private boolean lastWritten;
    private boolean retain;
    private long bytes;
    private HttpHeaders trailers;
    private boolean complete;

    RequestBody(long limit) {
        this.limit = limit;
    }

    /** Keeps the body for sending again (retries, mirrors) while it fits the limit. */
    void retain(boolean keep) {
        this.retain = keep;
    }

    /** Takes one chunk from the client; {@code keep} false drops it (no upstream will take it). */
    void add(io.netty.handler.codec.http.HttpContent content, boolean keep) {
        ByteBuf data = content.content();
        bytes += data.readableBytes();
        if (content instanceof LastHttpContent last) {
            HttpHeaders t = last.trailingHeaders();
            trailers = t.isEmpty() ? null : t.copy();
            complete = true;
        }
        if (keep && data.isReadable()) {
            chunks.add(data);
        } else {
            content.release();
        }
        if (retain && bytes > limit) {
            retain = false;
            dropWritten();
        }
    }

    boolean complete() {
        return complete;
    }

    long bytes() {
        return bytes;
    }

    /** Whether more may be read before an upstream takes it. */
    boolean hasRoom() {
        return bytes < limit;
    }

    /** Whether the whole body can be sent again. */
    boolean replayable() {
        return retain || bytes == 0;
    }

    /** A new attempt starts: everything kept is written again. */
    void rewind() {
        written = 0;
        lastWritten = false;
    }

    /** Whether the attempt has sent the end of the request. */
    boolean ended() {
        return lastWritten;
    }

    /** Writes what the attempt has not written yet to {@code ch}, and the end once the body is complete. */
    void writeTo(Channel ch) {
        while (written < chunks.size()) {
            ByteBuf chunk = chunks.get(written);
            if (retain) {
                ch.write(new DefaultHttpContent(chunk.retainedDuplicate()), ch.voidPromise());
                written++;
            } else {
                ch.write(new DefaultHttpContent(chunk), ch.voidPromise());
                chunks.remove(written);
            }
        }
        if (complete && !lastWritten) {
            lastWritten = true;
            LastHttpContent last = new DefaultLastHttpContent();
            if (trailers != null) {
                last.trailingHeaders().set(trailers);
            }
            ch.write(last, ch.voidPromise());
        }
        ch.flush();
    }

    /** A copy of the kept body for a mirror, each chunk retained for it. */
    List<ByteBuf> copy() {
        List<ByteBuf> copy = new ArrayList<>(chunks.size());
        chunks.forEach(b -> copy.add(b.retainedDuplicate()));
        return copy;
    }

    HttpHeaders trailers() {
        return trailers;
    }

    private void dropWritten() {
        for (int i = 0; i < written; i++) {
            chunks.get(i).release();
        }
        chunks.subList(0, written).clear();
        written = 0;
    }

    /** Lets go of everything kept. */
    void release() {
        chunks.forEach(ByteBuf::release);
        chunks.clear();
        written = 0;
    }
}
