package io.gwctl.proxy.stats;

/** Interim. */
public final class ClusterStats {
    public void upstreamRequest(int status, long micros) { }
    public void requestStarted() { }
    public void requestFinished() { }
    public void connectionOpened() { }
    public void connectionClosed() { }
    public void connectFailure() { }
    public void requestTimeout() { }
    public void perTryTimeout() { }
    public void retry() { }
    public void pendingOverflow() { }
    public void noHealthyUpstream() { }
    public HostStats host(String address) {
        return new HostStats();
    }
}
