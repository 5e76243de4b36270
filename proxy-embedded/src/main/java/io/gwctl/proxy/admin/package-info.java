/**
 * The embedded gateway's admin endpoint, answering as Envoy's admin does on the paths tools read:
 * {@code /ready}, {@code /config_dump}, {@code /stats} (text, JSON, Prometheus), {@code /clusters} and
 * {@code /listeners} (text and JSON), {@code /help}; so {@code gwctl proxy-config --admin}, scripts and
 * Prometheus can read a running gateway as they read an Envoy (envoyproxy/envoy source/server/admin/).
 */
package io.gwctl.proxy.admin;
