package io.gwctl.proxy.stats;

/** Interim. */
public final class ListenerStats {
    public void connectionOpened() { }
    public void connectionClosed() { }
}
