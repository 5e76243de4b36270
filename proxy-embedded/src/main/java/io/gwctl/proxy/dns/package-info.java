/**
 * Host name lookups for the embedded gateway's DNS clusters ({@code STRICT_DNS}, {@code LOGICAL_DNS}), which
 * Envoy resolves itself (envoyproxy/envoy source/extensions/clusters/strict_dns/): which names a config needs,
 * looking them up with a deadline off the event loops, and the answers a runtime was built with.
 */
package io.gwctl.proxy.dns;
