package io.gwctl.proxy.http;

/**
 * Told to every client connection when the gateway shuts down: an idle connection closes at once, a busy one
 * after its response, which says {@code Connection: close} (Envoy's drain does the same for HTTP/1.1).
 */
public final class DrainEvent {

    public static final DrainEvent INSTANCE = new DrainEvent();

    private DrainEvent() {
    }
}
