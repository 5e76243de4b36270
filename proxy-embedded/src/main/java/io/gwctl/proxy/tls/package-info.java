/**
 * TLS towards clients as Envoy's TLS transport socket does it (envoyproxy/envoy {@code source/common/tls}): the
 * server context of a filter chain built from its {@code DownstreamTlsContext} and the key material it names,
 * and the checks made on client certificates.
 */
package io.gwctl.proxy.tls;
