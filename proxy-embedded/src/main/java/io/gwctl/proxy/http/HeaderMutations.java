package io.gwctl.proxy.http;

import io.envoyproxy.envoy.config.core.v3.HeaderValueOption;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;

/**
 * The header additions and removals of a route, its virtual host and its route configuration, applied in
 * Envoy's order: the route's first, then the virtual host's, then the configuration's, so the outer levels
 * win (envoyproxy/envoy {@code source/common/router/config_impl.cc}, {@code finalizeRequestHeaders}, without
 * {@code most_specific_header_mutations_wins}). Each level removes before it adds. A value's append mode
 * follows {@code append_action}, or the deprecated {@code append} when that is set
 * ({@code source/common/router/header_parser.cc}).
 */
final class HeaderMutations {

    private HeaderMutations() {
    }

    static void request(HttpHeaders headers, Route route, VirtualHost vh, RouteConfiguration config) {
        apply(headers, route.getRequestHeadersToRemoveList(), route.getRequestHeadersToAddList());
        apply(headers, vh.getRequestHeadersToRemoveList(), vh.getRequestHeadersToAddList());
        apply(headers, config.getRequestHeadersToRemoveList(), config.getRequestHeadersToAddList());
    }

    static void response(HttpHeaders headers, Route route, VirtualHost vh, RouteConfiguration config) {
        apply(headers, route.getResponseHeadersToRemoveList(), route.getResponseHeadersToAddList());
        apply(headers, vh.getResponseHeadersToRemoveList(), vh.getResponseHeadersToAddList());
        apply(headers, config.getResponseHeadersToRemoveList(), config.getResponseHeadersToAddList());
    }

    static void apply(HttpHeaders headers, List<String> remove, List<HeaderValueOption> add) {
        for (String name : remove) {
            headers.remove(name);
        }
        for (HeaderValueOption option : add) {
            String name = option.getHeader().getKey();
            String value = option.getHeader().getValue();
            HeaderValueOption.HeaderAppendAction action = option.hasAppend()
                    ? option.getAppend().getValue() ? HeaderValueOption.HeaderAppendAction.APPEND_IF_EXISTS_OR_ADD
                    : HeaderValueOption.HeaderAppendAction.OVERWRITE_IF_EXISTS_OR_ADD
                    : option.getAppendAction();
            switch (action) {
                case ADD_IF_ABSENT -> {
                    if (!headers.contains(name)) {
                        headers.add(name, value);
                    }
                }
                case OVERWRITE_IF_EXISTS_OR_ADD -> headers.set(name, value);
                case OVERWRITE_IF_EXISTS -> {
                    if (headers.contains(name)) {
                        headers.set(name, value);
                    }
                }
                default -> headers.add(name, value);
            }
        }
    }
}
