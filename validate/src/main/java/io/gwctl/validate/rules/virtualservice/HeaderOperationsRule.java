package io.gwctl.validate.rules.virtualservice;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteDestination;
import io.fabric8.istio.api.api.networking.v1alpha3.Headers;
import io.fabric8.istio.api.api.networking.v1alpha3.HeadersHeaderOperations;
import io.gwctl.validate.diagnostic.GoFormat;
import io.gwctl.validate.rules.RuleContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Header manipulation on HTTP routes and on their destinations: names that Envoy lets a route change (no
 * {@code Host} and no pseudo-headers, except that a request may set {@code :authority} or {@code Host}),
 * values Envoy can parse, and the authority rewritten at most once ({@code rewrite.authority} or one
 * {@code :authority}/{@code Host} header). Istio {@code validateHTTPRoute}, {@code validateHTTPRouteDestinations},
 * {@code validateAuthorityRewrite}.
 */
final class HeaderOperationsRule extends HttpRouteRule {

    @Override
    void checkRoute(RuleContext context, HTTPRoute route, int index, String path) {
        operations(context, route.getHeaders(), VirtualServicePaths.field(path, "headers"));
        List<HTTPRouteDestination> destinations = ZeroValues.list(route.getRoute());
        for (int k = 0; k < destinations.size(); k++) {
            if (destinations.get(k) != null) {
                operations(context, destinations.get(k).getHeaders(),
                        VirtualServicePaths.field(VirtualServicePaths.route(path, k), "headers"));
            }
        }
        authority(context, route, path);
    }

    private static void operations(RuleContext context, Headers headers, String path) {
        if (headers == null) {
            return;
        }
        HeadersHeaderOperations request = headers.getRequest();
        if (request != null) {
            String at = VirtualServicePaths.field(path, "request");
            changes(context, request.getAdd(), VirtualServicePaths.field(at, "add"), true);
            changes(context, request.getSet(), VirtualServicePaths.field(at, "set"), true);
            removals(context, request.getRemove(), VirtualServicePaths.field(at, "remove"));
        }
        HeadersHeaderOperations response = headers.getResponse();
        if (response != null) {
            String at = VirtualServicePaths.field(path, "response");
            changes(context, response.getAdd(), VirtualServicePaths.field(at, "add"), false);
            changes(context, response.getSet(), VirtualServicePaths.field(at, "set"), false);
            removals(context, response.getRemove(), VirtualServicePaths.field(at, "remove"));
        }
    }

    private static void changes(RuleContext context, Map<String, String> headers, String path, boolean request) {
        ZeroValues.map(headers).forEach((k, v) -> {
            String name = ZeroValues.text(k);
            String at = VirtualServicePaths.field(path, name);
            Optional<String> problem = request ? HeaderNames.checkRequestSet(name) : HeaderNames.checkOperation(name);
            problem.ifPresent(m -> context.report(VirtualServiceCodes.HEADER_OPERATION, at, m));
            HeaderValueSyntax.check(ZeroValues.text(v))
                    .ifPresent(m -> context.report(VirtualServiceCodes.HEADER_VALUE, at, m));
        });
    }

    private static void removals(RuleContext context, List<String> names, String path) {
        List<String> items = ZeroValues.list(names);
        for (int k = 0; k < items.size(); k++) {
            String at = VirtualServicePaths.item(path, k);
            HeaderNames.checkOperation(ZeroValues.text(items.get(k))).ifPresent(m ->
                    context.report(VirtualServiceCodes.HEADER_OPERATION, at, m));
        }
    }

    /** The first header that rewrites an authority already rewritten (request set, then request add). */
    private static void authority(RuleContext context, HTTPRoute route, String path) {
        String current = route.getRewrite() == null ? "" : ZeroValues.text(route.getRewrite().getAuthority());
        HeadersHeaderOperations request = route.getHeaders() == null ? null : route.getHeaders().getRequest();
        if (request == null) {
            return;
        }
        String at = VirtualServicePaths.field(VirtualServicePaths.field(path, "headers"), "request");
        for (String operation : List.of("set", "add")) {
            Map<String, String> headers = ZeroValues.map(operation.equals("set") ? request.getSet() : request.getAdd());
            for (Map.Entry<String, String> e : headers.entrySet()) {
                String name = ZeroValues.text(e.getKey());
                if (!HeaderNames.isAuthority(name)) {
                    continue;
                }
                String value = ZeroValues.text(e.getValue());
                if (!current.isEmpty()) {
                    context.report(VirtualServiceCodes.AUTHORITY_REWRITE,
                            VirtualServicePaths.field(VirtualServicePaths.field(at, operation), name),
                            "authority header cannot be set multiple times: have " + GoFormat.quote(current)
                                    + ", attempting to set " + GoFormat.quote(value));
                    return;
                }
                current = value;
            }
        }
    }
}
