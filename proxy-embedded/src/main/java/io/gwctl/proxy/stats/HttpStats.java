package io.gwctl.proxy.stats;

/** Interim. */
public final class HttpStats {
    public void connectionOpened(boolean http2) { }
    public void connectionClosed() { }
    public void requestStarted() { }
    public void requestFinished(int status, long micros) { }
    public void noRoute() { }
    public void noCluster() { }
    public void timeout() { }
    public void headerOverflow() { }
    public void protocolError() { }
}
