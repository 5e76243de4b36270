package io.gwctl.validate.rules.virtualservice;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequest;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.TCPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.TLSRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.VirtualService;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.diagnostic.GoFormat;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Route rules and matches that never see traffic, because Envoy takes the first rule that matches. Istio
 * {@code analyzeUnreachableHTTPRules}, {@code analyzeUnreachableTCPRules}, {@code analyzeUnreachableTLSRules}
 * (pkg/config/validation/validation.go), which {@code istioctl analyze} reports as IST0130 (a rule) and IST0131
 * (a match):
 * <ul>
 *   <li>a rule without matches catches everything, so any later rule is unreachable: "only the last rule can
 *       have no matches" for a later rule without matches, "route without matches defined before" once per
 *       match of a later rule with matches;</li>
 *   <li>a match equal to an earlier one (compared as {@link MatchKeys}, ignoring the match's name) is not
 *       used, and a rule all of whose matches are such duplicates is unreachable;</li>
 *   <li>HTTP only: a URI prefix match covered by an earlier one ({@link PrefixMatch}) is not used; Istio
 *       reports this as an ineffective match and never as an unreachable rule.</li>
 * </ul>
 * Rules are named {@code "name"} when an HTTP rule has a name, else {@code #index}; matches likewise.
 */
final class UnreachableRulesRule implements ResourceRule {

    private static final String LAST_WITHOUT_MATCHES = "only the last rule can have no matches";
    private static final String AFTER_RULE_WITHOUT_MATCHES = "route without matches defined before";
    private static final String ALL_MATCHES_USED = "all matches used by prior rules";

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.VIRTUAL_SERVICE);
    }

    @Override
    public void check(RuleContext context) {
        VirtualService vs = context.spec(VirtualService.class);
        http(context, ZeroValues.list(vs.getHttp()));
        l4(context, ZeroValues.list(vs.getTcp()), TCPRoute::getMatch, MatchKeys::of, VirtualServicePaths::tcp);
        l4(context, ZeroValues.list(vs.getTls()), TLSRoute::getMatch, MatchKeys::of, VirtualServicePaths::tls);
    }

    private static void http(RuleContext context, List<HTTPRoute> routes) {
        Map<String, Integer> seen = new HashMap<>();
        int withoutMatches = -1;
        List<PrefixMatch> prefixes = new ArrayList<>();
        for (int r = 0; r < routes.size(); r++) {
            HTTPRoute route = routes.get(r);
            if (route == null) {
                continue;
            }
            String rule = ruleName(route, r);
            String path = VirtualServicePaths.http(r);
            List<HTTPMatchRequest> matches = ZeroValues.list(route.getMatch());
            if (matches.isEmpty()) {
                if (withoutMatches >= 0) {
                    unreachable(context, path, rule, LAST_WITHOUT_MATCHES);
                }
                withoutMatches = r;
                continue;
            }
            int duplicates = 0;
            for (int m = 0; m < matches.size(); m++) {
                HTTPMatchRequest match = matches.get(m);
                String matchPath = VirtualServicePaths.match(path, m);
                if (withoutMatches >= 0) {
                    unreachable(context, matchPath, rule, AFTER_RULE_WITHOUT_MATCHES);
                    continue;
                }
                String key = MatchKeys.of(match);
                Integer earlier = seen.get(key);
                if (earlier != null) {
                    ineffective(context, matchPath, rule, matchName(match, m), ruleName(routes.get(earlier), earlier));
                    duplicates++;
                    continue;
                }
                seen.put(key, r);
                PrefixMatch.of(rule, matchName(match, m), matchPath, match).ifPresent(prefixes::add);
            }
            if (duplicates == matches.size()) {
                unreachable(context, path, rule, ALL_MATCHES_USED);
            }
        }
        for (int a = 0; a < prefixes.size(); a++) {
            PrefixMatch earlier = prefixes.get(a);
            for (int b = a + 1; b < prefixes.size(); b++) {
                PrefixMatch later = prefixes.get(b);
                if (!later.prefix().equals(earlier.prefix()) && earlier.covers(later)) {
                    ineffective(context, later.path(), later.rule(), later.match() + " of prefix " + later.prefix(),
                            earlier.match() + " of prefix " + earlier.prefix() + " on " + earlier.rule());
                }
            }
        }
    }

    /** TCP and TLS rules: as HTTP, without names and without the prefix analysis. */
    private static <R, M> void l4(RuleContext context, List<R> routes, Function<R, List<M>> matchesOf,
            Function<M, String> keyOf, Function<Integer, String> pathOf) {
        Map<String, Integer> seen = new HashMap<>();
        int withoutMatches = -1;
        for (int r = 0; r < routes.size(); r++) {
            if (routes.get(r) == null) {
                continue;
            }
            String rule = "#" + r;
            String path = pathOf.apply(r);
            List<M> matches = ZeroValues.list(matchesOf.apply(routes.get(r)));
            if (matches.isEmpty()) {
                if (withoutMatches >= 0) {
                    unreachable(context, path, rule, LAST_WITHOUT_MATCHES);
                }
                withoutMatches = r;
                continue;
            }
            int duplicates = 0;
            for (int m = 0; m < matches.size(); m++) {
                String matchPath = VirtualServicePaths.match(path, m);
                if (withoutMatches >= 0) {
                    unreachable(context, matchPath, rule, AFTER_RULE_WITHOUT_MATCHES);
                    continue;
                }
                String key = keyOf.apply(matches.get(m));
                Integer earlier = seen.get(key);
                if (earlier != null) {
                    ineffective(context, matchPath, rule, "#" + m, "#" + earlier);
                    duplicates++;
                } else {
                    seen.put(key, r);
                }
            }
            if (duplicates == matches.size()) {
                unreachable(context, path, rule, ALL_MATCHES_USED);
            }
        }
    }

    private static String ruleName(HTTPRoute route, int index) {
        String name = ZeroValues.text(route.getName());
        return name.isEmpty() ? "#" + index : GoFormat.quote(name);
    }

    private static String matchName(HTTPMatchRequest match, int index) {
        String name = match == null ? "" : ZeroValues.text(match.getName());
        return name.isEmpty() ? "#" + index : GoFormat.quote(name);
    }

    private static void unreachable(RuleContext context, String path, String rule, String reason) {
        context.report(VirtualServiceCodes.UNREACHABLE_RULE, path,
                "virtualService rule " + rule + " not used (" + reason + ")");
    }

    private static void ineffective(RuleContext context, String path, String rule, String match, String duplicateOf) {
        context.report(VirtualServiceCodes.INEFFECTIVE_MATCH, path, "virtualService rule " + rule + " match " + match
                + " is not used (duplicate/overlapping match in rule " + duplicateOf + ")");
    }
}
