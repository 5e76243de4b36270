package io.gwctl.proxy.upstream;

/** Names of the handlers of an upstream HTTP/1.1 connection, for taking it out of HTTP after an upgrade. */
public final class UpstreamHandlerName {

    public static final String HTTP_CLIENT = "http-client";
    public static final String UPSTREAM = UpstreamHandler.NAME;

    private UpstreamHandlerName() {
    }
}
