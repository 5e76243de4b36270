package io.gwctl.translate.envoy.match;

import com.google.re2j.Pattern;
import io.envoyproxy.envoy.config.route.v3.RedirectAction;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;

/**
 * The {@code Location} and status of a route's {@code redirect}, computed as Envoy does in
 * {@code Http::Utility::newUri} and {@code processRequestHost} (envoyproxy/envoy
 * {@code source/common/http/utility.cc}, formerly {@code RouteEntryImplBase::newPath} in
 * {@code source/common/router/config_impl.cc}): the scheme from {@code scheme_redirect} or
 * {@code https_redirect} or the request; the host from {@code host_redirect} or the request's host, whose
 * port is dropped when a {@code port_redirect} is set or when the scheme changes and the port was the old
 * scheme's default; {@code path_redirect} keeps the request's query unless it has one of its own;
 * {@code prefix_rewrite} replaces the matched prefix; {@code strip_query} drops the query.
 */
final class Redirects {

    private Redirects() {
    }

    static String location(RedirectAction redirect, RouteMatch match, TraceRequest request) {
        return location(redirect, match, request.host(), request.path(), request.tls());
    }

    static String location(RedirectAction redirect, RouteMatch match, String requestHost, String requestPath,
            boolean tls) {
        String requestScheme = tls ? "https" : "http";
        String scheme = !redirect.getSchemeRedirect().isEmpty() ? redirect.getSchemeRedirect()
                : redirect.getHttpsRedirect() ? "https" : requestScheme;
        String port = redirect.getPortRedirect() != 0 ? ":" + redirect.getPortRedirect() : "";
        String host = !redirect.getHostRedirect().isEmpty() ? redirect.getHostRedirect()
                : requestHost(requestHost == null ? "" : requestHost, requestScheme, scheme, !port.isEmpty());
        String path = path(redirect, match, requestPath);
        if (!path.startsWith("/")) {
            path = "/" + path;
        }
        boolean redirectHasQuery = redirect.getPathRedirect().contains("?");
        if (!redirectHasQuery && redirect.getStripQuery()) {
            int q = path.indexOf('?');
            if (q >= 0) {
                path = path.substring(0, q);
            }
        }
        return scheme + "://" + host + port + path;
    }

    /** The status of the redirect: {@code response_code}, 301 unless set. */
    static int status(RedirectAction redirect) {
        return switch (redirect.getResponseCode()) {
            case FOUND -> 302;
            case SEE_OTHER -> 303;
            case TEMPORARY_REDIRECT -> 307;
            case PERMANENT_REDIRECT -> 308;
            default -> 301;
        };
    }

    private static String requestHost(String requestHost, String requestScheme, String newScheme, boolean newPort) {
        int colon = Hosts.portColon(requestHost);
        if (colon < 0) {
            return requestHost;
        }
        String requestPort = requestHost.substring(colon);
        boolean removePort = newPort;
        if (!newScheme.equals(requestScheme)) {
            removePort |= requestScheme.equals("https") && requestPort.equals(":443");
            removePort |= requestScheme.equals("http") && requestPort.equals(":80");
        }
        return removePort ? requestHost.substring(0, colon) : requestHost;
    }

    private static String path(RedirectAction redirect, RouteMatch match, String requestPath) {
        int q = requestPath.indexOf('?');
        String query = q < 0 ? "" : requestPath.substring(q);
        String pathOnly = q < 0 ? requestPath : requestPath.substring(0, q);
        return switch (redirect.getPathRewriteSpecifierCase()) {
            case PATH_REDIRECT -> redirect.getPathRedirect().contains("?") ? redirect.getPathRedirect()
                    : redirect.getPathRedirect() + query;
            case PREFIX_REWRITE -> {
                String matched = switch (match.getPathSpecifierCase()) {
                    case PREFIX -> match.getPrefix();
                    case PATH -> match.getPath();
                    case PATH_SEPARATED_PREFIX -> match.getPathSeparatedPrefix();
                    default -> "";
                };
                int length = Math.min(matched.length(), requestPath.length());
                yield redirect.getPrefixRewrite() + requestPath.substring(length);
            }
            case REGEX_REWRITE -> Pattern.compile(redirect.getRegexRewrite().getPattern().getRegex())
                    .matcher(pathOnly)
                    .replaceAll(redirect.getRegexRewrite().getSubstitution().replaceAll("\\\\(\\d)", "\\$$1")) + query;
            default -> requestPath;
        };
    }
}
