package io.gwctl.proxy.sample;

import static java.util.Objects.requireNonNull;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A ready response held back for a while ({@code /delay/N}). The wait is a timer on the channel's event loop,
 * never a sleep, so other requests on the same loop go on being served meanwhile.
 */
final class DelayedResponse implements PendingResponse {

    private final Channel channel;
    private FullHttpResponse response;
    private ScheduledFuture<?> timer;

    private DelayedResponse(Channel channel, FullHttpResponse response) {
        this.channel = requireNonNull(channel, "channel");
        this.response = requireNonNull(response, "response");
    }

    /** Sends {@code response} (now owned by the delayed response) on {@code channel} after {@code nanos}. */
    static PendingResponse schedule(Channel channel, FullHttpResponse response, long nanos) {
        DelayedResponse delayed = new DelayedResponse(channel, response);
        delayed.timer = channel.eventLoop().schedule(delayed::send, nanos, TimeUnit.NANOSECONDS);
        return delayed;
    }

    private void send() {
        FullHttpResponse ready = response;
        response = null;
        if (ready != null) {
            channel.writeAndFlush(ready);
        }
    }

    @Override
    public void onWritable() {
    }

    @Override
    public void cancel() {
        timer.cancel(false);
        if (response != null) {
            response.release();
            response = null;
        }
    }
}
