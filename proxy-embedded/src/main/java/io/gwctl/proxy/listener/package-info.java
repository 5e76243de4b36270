/**
 * How a new connection finds its filter chain and what then serves it: the TLS inspector's peek at the first
 * bytes, the chain Envoy's filter chain match picks, TLS termination, and the network filter of the chain.
 */
package io.gwctl.proxy.listener;
