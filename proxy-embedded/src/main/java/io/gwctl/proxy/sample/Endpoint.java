package io.gwctl.proxy.sample;

import io.netty.buffer.ByteBuf;

/** How one path answers a request once its whole body has been read. */
@FunctionalInterface
interface Endpoint {

    /**
     * Answers {@code exchange}.
     *
     * @param body the whole request body, owned (and released afterwards) by the caller
     * @return the response if it is still being written, else {@link PendingResponse#NONE}
     */
    PendingResponse answer(Exchange exchange, ByteBuf body);
}
