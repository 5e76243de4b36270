package io.gwctl.proxy.stats;

/** Interim. */
public final class HostStats {
    public void requestStarted() { }
    public void requestFinished(boolean success) { }
    public void timeout() { }
    public void connectionOpened() { }
    public void connectionClosed() { }
}
