package io.gwctl.proxy.sample;

/**
 * A response still being written after its request was read: a streamed body that continues whenever the channel
 * drains, or a delayed answer waiting for its timer. It lives on the channel's event loop.
 */
interface PendingResponse {

    /** A response that was answered in full already. */
    PendingResponse NONE = new PendingResponse() {
        @Override
        public void onWritable() {
        }

        @Override
        public void cancel() {
        }
    };

    /** The channel can take more data again. */
    void onWritable();

    /** The channel closed: stop, and release whatever is held. */
    void cancel();
}
