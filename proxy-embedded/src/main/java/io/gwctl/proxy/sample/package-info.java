/**
 * A small httpbin-like backend that {@code gwctl run-gateway} starts beside the gateway, so a laptop user has
 * something to route to, and that the end-to-end tests use as their real upstream.
 *
 * <p>It speaks HTTP/1.1 and cleartext HTTP/2 (prior knowledge and the {@code Upgrade: h2c} path) through one
 * {@link io.netty.handler.codec.http.HttpObject}-based handler, answers the httpbin endpoints gateway tests lean
 * on ({@code /get}, {@code /anything}, {@code /status/N}, {@code /delay/N}, {@code /bytes/N}, {@code /stream/N},
 * postmanlabs/httpbin httpbin/core.py) plus {@code /flaky/N} for retry tests, a streaming {@code /echo} and a
 * WebSocket echo at {@code /ws}. Every response names the backend in {@code x-backend-name}, so a test can tell
 * which upstream a gateway picked. Nothing here blocks an event loop: delays are scheduled, large bodies are
 * streamed with backpressure.
 */
package io.gwctl.proxy.sample;
