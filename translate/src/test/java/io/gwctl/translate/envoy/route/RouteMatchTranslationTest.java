package io.gwctl.translate.envoy.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequest;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatch;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchPrefix;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchRegex;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Route matches as pilot's {@code TranslateRouteMatch} (pilot/pkg/networking/core/route/route.go) builds them. */
class RouteMatchTranslationTest {

    private static final String HEAD = """
            apiVersion: networking.istio.io/v1beta1
            kind: VirtualService
            metadata:
              name: web
              namespace: default
            spec:
              hosts: ["web.example.com"]
              gateways: ["gw"]
              http:
            """;

    /** {@code TranslateRouteMatch(vs, nil)}: a route without match gets {@code prefix: /} and no case_sensitive. */
    @Test
    void noMatchIsPrefixSlash() {
        Route r = Routes.of(HEAD + """
                  - route:
                    - destination: {host: web}
                """).route();
        assertThat(r.getMatch()).isEqualTo(RouteMatch.newBuilder().setPrefix("/").build());
    }

    /**
     * {@code TranslateRouteMatch}: uri exact → path, prefix → prefix, regex → safe_regex; case_sensitive is always set
     * from {@code ignoreUriCase}; one Envoy route per match, in order.
     */
    @Test
    void uriMatchesOnePerEntry() {
        Routes routes = Routes.of(HEAD + """
                  - match:
                    - uri: {exact: /status}
                    - uri: {prefix: /api}
                      ignoreUriCase: true
                    - uri: {regex: "/v[0-9]+/.*"}
                    route:
                    - destination: {host: web}
                """);
        assertThat(routes.routes).extracting(b -> b.build().getMatch()).containsExactly(
                Routes.json(RouteMatch.newBuilder(), "{\"path\": \"/status\", \"caseSensitive\": true}").build(),
                Routes.json(RouteMatch.newBuilder(), "{\"prefix\": \"/api\", \"caseSensitive\": false}").build(),
                Routes.json(RouteMatch.newBuilder(),
                        "{\"safeRegex\": {\"regex\": \"/v[0-9]+/.*\"}, \"caseSensitive\": true}").build());
        assertThat(routes.problems).isEmpty();
    }

    /**
     * {@code TranslateRouteMatch}/{@code translateHeaderMatch}: headers then withoutHeaders (invert_match, and
     * treat_missing_header_as_empty unless present_match) sorted by name, then {@code :method}, {@code :authority},
     * {@code :scheme}; regex {@code *} becomes present_match ({@code canBeConvertedToPresentMatch}).
     */
    @Test
    void headerMatches() {
        Route r = Routes.of(HEAD + """
                  - match:
                    - headers:
                        x-user: {exact: jason}
                        a-flag: {regex: "*"}
                      withoutHeaders:
                        m-debug: {prefix: "on"}
                      method: {exact: GET}
                      authority: {prefix: web}
                      scheme: {regex: "https?"}
                    route:
                    - destination: {host: web}
                """).route();
        assertThat(r.getMatch()).isEqualTo(Routes.json(RouteMatch.newBuilder(), """
                {"prefix": "/", "caseSensitive": true, "headers": [
                  {"name": "a-flag", "presentMatch": true},
                  {"name": "m-debug", "stringMatch": {"prefix": "on"}, "invertMatch": true, "treatMissingHeaderAsEmpty": true},
                  {"name": "x-user", "stringMatch": {"exact": "jason"}},
                  {"name": ":method", "stringMatch": {"exact": "GET"}},
                  {"name": ":authority", "stringMatch": {"prefix": "web"}},
                  {"name": ":scheme", "stringMatch": {"safeRegex": {"regex": "https?"}}}
                ]}""").build());
    }

    /** {@code translateQueryParamMatch}: string matches, and present_match for regex {@code *}. */
    @Test
    void queryParameterMatches() {
        Route r = Routes.of(HEAD + """
                  - match:
                    - queryParams:
                        debug: {exact: "1"}
                        any: {regex: "*"}
                    route:
                    - destination: {host: web}
                """).route();
        assertThat(r.getMatch().getQueryParametersList()).containsExactly(
                Routes.json(io.envoyproxy.envoy.config.route.v3.QueryParameterMatcher.newBuilder(),
                        "{\"name\": \"debug\", \"stringMatch\": {\"exact\": \"1\"}}").build(),
                Routes.json(io.envoyproxy.envoy.config.route.v3.QueryParameterMatcher.newBuilder(),
                        "{\"name\": \"any\", \"presentMatch\": true}").build());
    }

    /** {@code TranslateRoute}: a match on another port is left out; nothing after a catch-all route is kept. */
    @Test
    void portMismatchAndCatchAllStop() {
        Routes routes = Routes.of(HEAD + """
                  - match:
                    - uri: {prefix: /other}
                      port: 8080
                    - uri: {prefix: /}
                    - uri: {prefix: /never}
                    route:
                    - destination: {host: web}
                """);
        assertThat(routes.routes).extracting(b -> b.getMatch().getPrefix()).containsExactly("/");
    }

    /** Pilot's {@code isCatchAllMatch} (virtualservice.go): no match, or only uri prefix {@code /} / regex {@code *}. */
    @Test
    void catchAllMatches() {
        assertThat(HttpRouteTranslation.isCatchAll(null)).isTrue();
        assertThat(HttpRouteTranslation.isCatchAll(uri(new StringMatchPrefix("/")))).isTrue();
        assertThat(HttpRouteTranslation.isCatchAll(uri(new StringMatchRegex("*")))).isTrue();
        assertThat(HttpRouteTranslation.isCatchAll(uri(new StringMatchRegex(".*")))).isTrue();
        assertThat(HttpRouteTranslation.isCatchAll(uri(new StringMatchPrefix("/api")))).isFalse();
        HTTPMatchRequest withHeader = uri(new StringMatchPrefix("/"));
        withHeader.setHeaders(Map.of("x", new StringMatch(new StringMatchPrefix("a"))));
        assertThat(HttpRouteTranslation.isCatchAll(withHeader)).isFalse();
    }

    /** Envoy compiles safe_regex with RE2, which has no backreferences or lookaround: such a pattern is a problem. */
    @Test
    void nonRe2RegexIsAProblem() {
        Routes routes = Routes.of(HEAD + """
                  - match:
                    - uri: {regex: "/(?!admin).*"}
                      headers:
                        x: {regex: "(a)\\\\1"}
                    route:
                    - destination: {host: web}
                """);
        assertThat(routes.problems).extracting(RouteProblem::path).containsExactly(
                "spec.http[0].match[0].headers[\"x\"].regex", "spec.http[0].match[0].uri.regex");
        assertThat(routes.problems.get(1).message()).startsWith("Envoy would reject the regex \"/(?!admin).*\"");
    }

    /** RE2 syntax Java's engine spells differently ({@code (?P<name>)}) and escaped quantifiers are no problem. */
    @Test
    void re2NamedGroupsAreAccepted() {
        Routes routes = Routes.of(HEAD + """
                  - match:
                    - uri: {regex: "/(?P<id>[0-9]+)/\\\\*+"}
                    route:
                    - destination: {host: web}
                """);
        assertThat(routes.problems).isEmpty();
        assertThat(routes.route().getMatch().getSafeRegex().getRegex()).isEqualTo("/(?P<id>[0-9]+)/\\*+");
    }

    private static HTTPMatchRequest uri(io.fabric8.istio.api.api.networking.v1alpha3.IsStringMatchMatchType type) {
        HTTPMatchRequest m = new HTTPMatchRequest();
        m.setUri(new StringMatch(type));
        return m;
    }
}
