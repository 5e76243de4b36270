/**
 * The embedded gateway: a Netty data plane that serves the {@link io.gwctl.translate.envoy.EnvoySnapshot}
 * gwctl renders for a gateway, with Envoy's semantics. Routing decisions come from
 * {@code io.gwctl.translate.envoy.match}, the same code {@code gwctl proxy-config trace} uses.
 */
package io.gwctl.proxy;
