package io.gwctl.translate.envoy.route;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.BoolValue;
import com.google.protobuf.Duration;
import com.google.protobuf.InvalidProtocolBufferException;
import io.envoyproxy.envoy.config.core.v3.HeaderValueOption;
import io.envoyproxy.envoy.config.route.v3.RedirectAction;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.extensions.filters.http.cors.v3.CorsPolicy;
import io.envoyproxy.envoy.extensions.filters.http.fault.v3.HTTPFault;
import io.envoyproxy.envoy.type.v3.FractionalPercent;
import org.junit.jupiter.api.Test;

/**
 * Redirects, direct responses, header operations, fault and CORS filter configs, names and metadata, as pilot's
 * {@code translateRoute} (pilot/pkg/networking/core/route/route.go) sets them.
 */
class RouteExtrasTranslationTest {

    private static final String HEAD = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: web
              namespace: shop
            spec:
              hosts: ["web.example.com"]
              gateways: ["gw"]
              http:
            """;

    /** {@code ApplyRedirect}: path, host, scheme and port; 301 when no code is given. */
    @Test
    void redirectDefaults() {
        Route r = Routes.of(HEAD + """
                  - redirect: {uri: /new, authority: other.example.com, scheme: https, port: 8443}
                """).route();
        assertThat(r.getRedirect()).isEqualTo(RedirectAction.newBuilder().setPathRedirect("/new")
                .setHostRedirect("other.example.com").setSchemeRedirect("https").setPortRedirect(8443)
                .setResponseCode(RedirectAction.RedirectResponseCode.MOVED_PERMANENTLY).build());
    }

    /** {@code ApplyRedirect}: 302/303/307/308 codes, and no explicit :443 for https. */
    @Test
    void redirectCodes() {
        assertThat(redirect("redirectCode: 302").getResponseCode()).isEqualTo(RedirectAction.RedirectResponseCode.FOUND);
        assertThat(redirect("redirectCode: 303").getResponseCode()).isEqualTo(RedirectAction.RedirectResponseCode.SEE_OTHER);
        assertThat(redirect("redirectCode: 307").getResponseCode())
                .isEqualTo(RedirectAction.RedirectResponseCode.TEMPORARY_REDIRECT);
        assertThat(redirect("redirectCode: 308").getResponseCode())
                .isEqualTo(RedirectAction.RedirectResponseCode.PERMANENT_REDIRECT);
        assertThat(redirect("scheme: https, port: 443").getPortRedirect()).isZero();
    }

    /** {@code ApplyRedirect}: an unsupported code leaves the route without action, which Envoy rejects. */
    @Test
    void unsupportedRedirectCodeIsAProblem() {
        Routes routes = Routes.of(HEAD + "  - redirect: {uri: /x, redirectCode: 305}\n");
        assertThat(routes.route().getActionCase()).isEqualTo(Route.ActionCase.ACTION_NOT_SET);
        assertThat(routes.problems).extracting(RouteProblem::path).containsExactly("spec.http[0].redirect.redirectCode");
    }

    /** {@code ApplyDirectResponse}: status and inline string body. */
    @Test
    void directResponse() {
        Route r = Routes.of(HEAD + """
                  - directResponse:
                      status: 503
                      body: {string: "unavailable"}
                """).route();
        assertThat(r.getDirectResponse().getStatus()).isEqualTo(503);
        assertThat(r.getDirectResponse().getBody().getInlineString()).isEqualTo("unavailable");
    }

    /**
     * {@code TranslateHeadersOperations}: set (overwrite) before add (append), each sorted by name; pseudo-headers
     * and host dropped, a request {@code host} set becoming host_rewrite_literal; removals kept.
     */
    @Test
    void headerOperations() {
        Route r = Routes.of(HEAD + """
                  - headers:
                      request:
                        set: {x-b: "2", x-a: "1", host: internal.local}
                        add: {x-c: "3"}
                        remove: [x-old, ":path"]
                      response:
                        add: {x-served-by: gw}
                        remove: [server]
                    route:
                    - destination: {host: web}
                """).route();
        assertThat(r.getRequestHeadersToAddList()).extracting(h -> h.getHeader().getKey() + "=" + h.getHeader().getValue()
                + ":" + h.getAppendAction()).containsExactly("x-a=1:OVERWRITE_IF_EXISTS_OR_ADD",
                "x-b=2:OVERWRITE_IF_EXISTS_OR_ADD", "x-c=3:APPEND_IF_EXISTS_OR_ADD");
        assertThat(r.getRequestHeadersToRemoveList()).containsExactly("x-old");
        assertThat(r.getResponseHeadersToAddList()).singleElement().extracting(HeaderValueOption::getAppendAction)
                .isEqualTo(HeaderValueOption.HeaderAppendAction.APPEND_IF_EXISTS_OR_ADD);
        assertThat(r.getResponseHeadersToRemoveList()).containsExactly("server");
        assertThat(r.getRoute().getHostRewriteLiteral()).isEqualTo("internal.local");
    }

    /**
     * {@code TranslateFault}: typed_per_filter_config {@code envoy.filters.http.fault} with a fixed delay and an HTTP
     * abort, percentages as fractions of a million.
     */
    @Test
    void fault() throws InvalidProtocolBufferException {
        Route r = Routes.of(HEAD + """
                  - fault:
                      delay: {fixedDelay: 5s, percentage: {value: 0.1}}
                      abort: {httpStatus: 500, percentage: {value: 50}}
                    route:
                    - destination: {host: web}
                """).route();
        HTTPFault f = r.getTypedPerFilterConfigOrThrow("envoy.filters.http.fault").unpack(HTTPFault.class);
        assertThat(f.getDelay().getFixedDelay()).isEqualTo(Duration.newBuilder().setSeconds(5).build());
        assertThat(f.getDelay().getPercentage()).isEqualTo(FractionalPercent.newBuilder().setNumerator(1000)
                .setDenominator(FractionalPercent.DenominatorType.MILLION).build());
        assertThat(f.getAbort().getHttpStatus()).isEqualTo(500);
        assertThat(f.getAbort().getPercentage().getNumerator()).isEqualTo(500000);
    }

    /**
     * {@code TranslateCORSPolicy}: typed_per_filter_config {@code envoy.filters.http.cors}: origins as string
     * matchers, lists joined with commas, max age in seconds, enabled at 100%, unmatched preflights forwarded.
     */
    @Test
    void cors() throws InvalidProtocolBufferException {
        Route r = Routes.of(HEAD + """
                  - corsPolicy:
                      allowOrigins: [{exact: "https://a.example.com"}, {regex: ".*\\\\.example\\\\.org"}]
                      allowMethods: [GET, POST]
                      allowHeaders: [x-a, x-b]
                      exposeHeaders: [x-c]
                      maxAge: 24h
                      allowCredentials: true
                    route:
                    - destination: {host: web}
                """).route();
        CorsPolicy c = r.getTypedPerFilterConfigOrThrow("envoy.filters.http.cors").unpack(CorsPolicy.class);
        assertThat(c.getAllowOriginStringMatchList()).hasSize(2);
        assertThat(c.getAllowOriginStringMatch(0).getExact()).isEqualTo("https://a.example.com");
        assertThat(c.getAllowOriginStringMatch(1).getSafeRegex().getRegex()).isEqualTo(".*\\.example\\.org");
        assertThat(c.getAllowMethods()).isEqualTo("GET,POST");
        assertThat(c.getAllowHeaders()).isEqualTo("x-a,x-b");
        assertThat(c.getExposeHeaders()).isEqualTo("x-c");
        assertThat(c.getMaxAge()).isEqualTo("86400");
        assertThat(c.getAllowCredentials()).isEqualTo(BoolValue.of(true));
        assertThat(c.getForwardNotMatchingPreflights()).isEqualTo(BoolValue.of(true));
        assertThat(c.getFilterEnabled().getDefaultValue().getNumerator()).isEqualTo(100);
    }

    /**
     * {@code translateRoute}: name {@code <http name>.<match name>}; {@code util.BuildConfigInfoMetadata}:
     * {@code filter_metadata.istio.config}; {@code GetRouteOperation}: the decorator's {@code host:port/path*}.
     */
    @Test
    void nameMetadataAndDecorator() {
        Route r = Routes.of(HEAD + """
                  - name: api
                    match:
                    - name: v1
                      uri: {prefix: /v1}
                    route:
                    - destination: {host: web, port: {number: 8080}}
                """).route();
        assertThat(r.getName()).isEqualTo("api.v1");
        assertThat(r.getMetadata().getFilterMetadataOrThrow("istio").getFieldsOrThrow("config").getStringValue())
                .isEqualTo("/apis/networking.istio.io/v1/namespaces/shop/virtual-service/web");
        assertThat(r.getDecorator().getOperation()).isEqualTo("web.shop.svc.cluster.local:8080/v1*");
    }

    private static RedirectAction redirect(String fields) {
        return Routes.of(HEAD + "  - redirect: {uri: /x, " + fields + "}\n").route().getRedirect();
    }
}
