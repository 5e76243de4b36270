/**
 * TLS as Envoy's TLS transport socket does it (envoyproxy/envoy {@code source/common/tls}): towards clients, the
 * server context of a filter chain built from its {@code DownstreamTlsContext} and the key material it names,
 * and the checks made on client certificates; towards upstreams, the client context of a cluster built from its
 * {@code UpstreamTlsContext}, and the checks made on server certificates.
 */
package io.gwctl.proxy.tls;
