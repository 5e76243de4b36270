/**
 * Envoy's {@code tcp_proxy} network filter: once a listener has picked a filter chain whose filter is a TCP
 * proxy, {@link io.gwctl.proxy.tcp.TcpProxySession} connects the downstream to an endpoint of the proxy's cluster
 * ({@link io.gwctl.proxy.tcp.TcpProxyRoute}) and relays bytes both ways.
 */
package io.gwctl.proxy.tcp;
