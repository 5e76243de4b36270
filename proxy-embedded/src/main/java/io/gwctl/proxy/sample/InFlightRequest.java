package io.gwctl.proxy.sample;

import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.LastHttpContent;

/** A request whose body is being read: it takes each piece of the body as it arrives, then answers. */
interface InFlightRequest extends PendingResponse {

    /**
     * The next piece of the request body, which this request now owns; a {@link LastHttpContent} ends the
     * body.
     */
    void onContent(HttpContent content);
}
