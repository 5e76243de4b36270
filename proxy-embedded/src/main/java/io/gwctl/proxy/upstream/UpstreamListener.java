package io.gwctl.proxy.upstream;

import io.netty.handler.codec.http.HttpObject;

/** The request an upstream connection is serving, told what the upstream sends. */
public interface UpstreamListener {

    /** A response head, body chunk or end; the listener owns {@code message} and must release it. */
    void onUpstreamMessage(HttpObject message);

    /** The connection closed or failed before the response was complete. */
    void onUpstreamClosed(Throwable cause);

    /** A batch of reads from the upstream ended: the time to flush what was relayed. */
    default void onUpstreamReadComplete() {
    }

    /** The connection's write buffer filled up or drained. */
    void onUpstreamWritabilityChanged(boolean writable);
}
