package io.gwctl.translate.envoy.route;

import io.envoyproxy.envoy.config.route.v3.HeaderMatcher;
import io.envoyproxy.envoy.config.route.v3.QueryParameterMatcher;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.type.matcher.v3.RegexMatcher;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequest;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatch;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchExact;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchPrefix;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchRegex;
import com.google.protobuf.BoolValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Envoy route matches from VirtualService match requests, as pilot's {@code TranslateRouteMatch},
 * {@code translateHeaderMatch}, {@code translateQueryParamMatch} and {@code util.ConvertToEnvoyMatch} build them.
 * Regexes become {@code safe_regex} matchers without an engine, as pilot leaves it to Envoy's default, google_re2.
 */
final class RouteMatches {

    static final String AUTHORITY = ":authority";
    static final String METHOD = ":method";
    static final String SCHEME = ":scheme";

    /** Constructs RE2 refuses and Java's engine accepts: backreferences, lookaround, atomic and possessive groups. */
    private static final Pattern NOT_RE2 = Pattern.compile("\\\\[1-9]|\\\\k<|\\(\\?[=!>]|\\(\\?<[=!]|(?<!\\\\)[*+?}]\\+");

    private RouteMatches() {
    }

    /**
     * The Envoy match for {@code in} ({@code prefix: /} when there is none); patterns RE2 would refuse are added to
     * {@code problems} under {@code path}.
     */
    static RouteMatch.Builder translate(HTTPMatchRequest in, String path, List<RouteProblem> problems) {
        RouteMatch.Builder out = RouteMatch.newBuilder().setPrefix("/");
        if (in == null) {
            return out;
        }
        List<HeaderMatcher.Builder> headers = new ArrayList<>();
        forEach(in.getHeaders(), (name, m) -> headers.add(header(name, m, path + ".headers[\"" + name + "\"]", problems)));
        forEach(in.getWithoutHeaders(), (name, m) -> {
            HeaderMatcher.Builder h = header(name, m, path + ".withoutHeaders[\"" + name + "\"]", problems)
                    .setInvertMatch(true);
            if (!presentMatch(m)) {
                h.setTreatMissingHeaderAsEmpty(true);
            }
            headers.add(h);
        });
        headers.sort(Comparator.comparing(HeaderMatcher.Builder::getName));

        StringMatch uri = in.getUri();
        if (uri != null) {
            if (uri.getMatchType() instanceof StringMatchExact e && e.getExact() != null) {
                out.setPath(e.getExact());
            } else if (uri.getMatchType() instanceof StringMatchPrefix p && p.getPrefix() != null) {
                out.setPrefix(p.getPrefix());
            } else if (uri.getMatchType() instanceof StringMatchRegex r && r.getRegex() != null) {
                checkRe2(r.getRegex(), path + ".uri.regex", problems);
                out.setSafeRegex(RegexMatcher.newBuilder().setRegex(r.getRegex()));
            }
        }
        out.setCaseSensitive(BoolValue.of(!Boolean.TRUE.equals(in.getIgnoreUriCase())));

        if (in.getMethod() != null) {
            headers.add(header(METHOD, in.getMethod(), path + ".method", problems));
        }
        if (in.getAuthority() != null) {
            headers.add(header(AUTHORITY, in.getAuthority(), path + ".authority", problems));
        }
        if (in.getScheme() != null) {
            headers.add(header(SCHEME, in.getScheme(), path + ".scheme", problems));
        }
        headers.forEach(out::addHeaders);

        forEach(in.getQueryParams(), (name, m) -> {
            QueryParameterMatcher.Builder q = QueryParameterMatcher.newBuilder().setName(name);
            if (presentMatch(m)) {
                q.setPresentMatch(true);
            } else {
                StringMatcher.Builder sm = stringMatcher(m, path + ".queryParams[\"" + name + "\"]", problems);
                if (sm != null) {
                    q.setStringMatch(sm);
                }
            }
            out.addQueryParameters(q);
        });
        return out;
    }

    /**
     * Pilot's {@code isCatchAllMatch} (with {@code .*} as {@code IsCatchAllRoute} also counts it): no match, or a uri
     * prefix {@code /} or regex {@code *} / {@code .*} and no other condition.
     */
    static boolean isCatchAll(HTTPMatchRequest m) {
        if (m == null) {
            return true;
        }
        boolean catchAll = false;
        if (m.getUri() != null) {
            if (m.getUri().getMatchType() instanceof StringMatchPrefix p) {
                catchAll = "/".equals(p.getPrefix());
            } else if (m.getUri().getMatchType() instanceof StringMatchRegex r) {
                catchAll = "*".equals(r.getRegex()) || ".*".equals(r.getRegex());
            }
        }
        return catchAll && empty(m.getHeaders()) && empty(m.getQueryParams()) && empty(m.getWithoutHeaders())
                && empty(m.getSourceLabels()) && (m.getGateways() == null || m.getGateways().isEmpty())
                && m.getMethod() == null && m.getScheme() == null && m.getAuthority() == null
                && (m.getPort() == null || m.getPort() == 0)
                && (m.getSourceNamespace() == null || m.getSourceNamespace().isEmpty());
    }

    /** {@code util.ConvertToEnvoyMatch}: exact, prefix or safe_regex; null when the match sets none. */
    static StringMatcher.Builder stringMatcher(StringMatch m, String path, List<RouteProblem> problems) {
        if (m == null) {
            return null;
        }
        if (m.getMatchType() instanceof StringMatchExact e && e.getExact() != null) {
            return StringMatcher.newBuilder().setExact(e.getExact());
        }
        if (m.getMatchType() instanceof StringMatchPrefix p && p.getPrefix() != null) {
            return StringMatcher.newBuilder().setPrefix(p.getPrefix());
        }
        if (m.getMatchType() instanceof StringMatchRegex r && r.getRegex() != null) {
            checkRe2(r.getRegex(), path + ".regex", problems);
            return StringMatcher.newBuilder().setSafeRegex(RegexMatcher.newBuilder().setRegex(r.getRegex()));
        }
        return null;
    }

    /** Adds a problem when Envoy's RE2 engine would not compile {@code regex}. */
    static void checkRe2(String regex, String path, List<RouteProblem> problems) {
        String reason = null;
        if (NOT_RE2.matcher(regex).find()) {
            reason = "uses a construct RE2 does not support (backreference, lookaround or possessive/atomic group)";
        } else {
            try {
                // RE2's (?P<name>...) groups are (?<name>...) in Java's syntax
                Pattern.compile(regex.replace("(?P<", "(?<"));
            } catch (PatternSyntaxException e) {
                reason = "is not a valid regular expression: " + e.getDescription();
            }
        }
        if (reason != null) {
            problems.add(new RouteProblem(path, "Envoy would reject the regex \"" + regex + "\": it " + reason));
        }
    }

    /** {@code translateHeaderMatch}: present_match for a missing or {@code *} regex match, else the string match. */
    private static HeaderMatcher.Builder header(String name, StringMatch m, String path, List<RouteProblem> problems) {
        HeaderMatcher.Builder out = HeaderMatcher.newBuilder().setName(name);
        if (presentMatch(m)) {
            return out.setPresentMatch(true);
        }
        StringMatcher.Builder sm = stringMatcher(m, path, problems);
        if (sm != null) {
            out.setStringMatch(sm);
        }
        return out;
    }

    /** {@code canBeConvertedToPresentMatch}: no match type, or the regex {@code *}. */
    private static boolean presentMatch(StringMatch m) {
        if (m == null || m.getMatchType() == null) {
            return true;
        }
        return m.getMatchType() instanceof StringMatchRegex r && "*".equals(r.getRegex());
    }

    private static boolean empty(Map<?, ?> map) {
        return map == null || map.isEmpty();
    }

    private static void forEach(Map<String, StringMatch> map, java.util.function.BiConsumer<String, StringMatch> f) {
        if (map != null) {
            map.forEach((k, v) -> {
                if (k != null) {
                    f.accept(k, v);
                }
            });
        }
    }
}
