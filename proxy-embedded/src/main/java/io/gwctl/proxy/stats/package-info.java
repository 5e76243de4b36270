/**
 * Envoy's statistics for the embedded gateway: the counters, gauges and histograms Envoy keeps for clusters
 * ({@code cluster.<name>.*}), HTTP connection managers ({@code http.<stat_prefix>.*}), TCP proxies
 * ({@code tcp.<stat_prefix>.*}) and listeners ({@code listener.<address>.*}), named exactly as Envoy names
 * them, and the three forms Envoy's admin prints
 * them in ({@code /stats}, {@code /stats?format=json}, {@code /stats/prometheus}).
 *
 * <p>Recording runs on the data plane's event loops: every recording method is lock-free and allocates
 * nothing once the stat it touches exists ({@link java.util.concurrent.atomic.LongAdder} per stat, scopes
 * looked up with a plain {@code get} before they are created).
 */
package io.gwctl.proxy.stats;
