package io.gwctl.proxy.http;

import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import java.net.InetSocketAddress;

/** The client side of an exchange: an HTTP/1.1 connection or one HTTP/2 stream. */
interface Downstream {

    EventLoop eventLoop();

    ByteBufAllocator alloc();

    InetSocketAddress remoteAddress();

    boolean tls();

    /** The TLS session of the connection, or null over plaintext. */
    io.gwctl.proxy.tls.TlsSession tlsSession();

    /** {@code HTTP/1.1}, {@code HTTP/1.0} or {@code HTTP/2}, as the access log prints it. */
    String protocol();

    boolean http1();

    /** Whether the request as received carries no body (so none is framed upstream). */
    boolean bodyless(HttpRequest request);

    boolean writable();

    /** Sends the response head (or a whole response); {@code close} ends the connection after the response. */
    void writeHead(HttpResponse head, boolean close);

    /** Sends a body chunk; {@code last} ends the response. */
    void writeBody(HttpContent content, boolean last);

    /** Sends what was written. */
    void flush();

    /** Reads more of the request, if the exchange wants it. */
    void readMore();

    /** The exchange is over on both sides. */
    void exchangeDone(ProxyExchange exchange, boolean close);

    /**
     * Sends {@code switching} (a 101), then relays raw bytes between the client and {@code upstream}, both
     * taken out of HTTP.
     */
    void switchProtocols(HttpResponse switching, io.netty.channel.Channel upstream);

    /** Cuts the response short: closes the connection (HTTP/1.1) or resets the stream (HTTP/2). */
    void abort();
}
