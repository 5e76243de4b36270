package io.gwctl.translate.legacy;

import io.fabric8.istio.api.api.networking.v1alpha3.Destination;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequest;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequestBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteDestination;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatch;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchExact;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchPrefix;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.istio.api.networking.v1.VirtualServiceBuilder;
import io.gwctl.model.legacy.MatchRequest;
import io.gwctl.model.legacy.RouteRuleSpec;
import io.gwctl.model.resource.Resource;
import io.gwctl.translate.convert.ConvertedFrom;
import io.gwctl.translate.convert.Notifications;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Folds RouteRules that applied to traffic from Istio 0.x's ingress into the VirtualServices converted from
 * Ingresses. In 0.x the Ingress chose the service and a RouteRule with {@code match.source} the ingress
 * refined how the ingress proxy called it (the httpbin fault-injection task); in v1alpha3 both live in the
 * gateway's VirtualService, so each route of it that reaches the rule's destination is split per rule.
 */
final class IngressRefinement {

    /** A RouteRule whose source is the ingress, with its destination resolved. */
    record IngressRule(Resource resource, RouteRuleSpec spec, String namespace, String host) {
    }

    private final List<IngressRule> rules;
    private final LegacyNotes notes;

    /** @param rules in descending precedence */
    IngressRefinement(List<IngressRule> rules, LegacyNotes notes) {
        this.rules = rules;
        this.notes = notes;
    }

    List<VirtualService> refine(List<VirtualService> services) {
        List<VirtualService> out = new ArrayList<>();
        for (VirtualService vs : services) {
            out.add(refine(vs));
        }
        return out;
    }

    private VirtualService refine(VirtualService vs) {
        if (vs.getSpec() == null || vs.getSpec().getHttp() == null || rules.isEmpty()) {
            return vs;
        }
        String vsNamespace = vs.getMetadata() == null ? "" : Objects.toString(vs.getMetadata().getNamespace(), "");
        List<HTTPRoute> http = new ArrayList<>();
        List<String> from = new ArrayList<>();
        for (HTTPRoute route : vs.getSpec().getHttp()) {
            HTTPRouteDestination target = target(route, vsNamespace);
            if (target == null) {
                http.add(route);
                continue;
            }
            boolean shadowed = false;
            for (IngressRule rule : rules) {
                if (!sameService(rule.host(), rule.namespace(), target.getDestination().getHost(), vsNamespace)) {
                    continue;
                }
                List<HTTPMatchRequest> matches = combine(route.getMatch(), rule);
                if (matches == null) {
                    continue;
                }
                http.add(refined(rule, route, matches, target));
                if (!from.contains(rule.resource().key().toString())) {
                    from.add(rule.resource().key().toString());
                }
                shadowed |= requestMatch(rule.spec()) == null;
                if (shadowed) {
                    break;
                }
            }
            if (!shadowed) {
                http.add(route);
            }
        }
        if (from.isEmpty()) {
            return vs;
        }
        Map<String, String> annotations = new LinkedHashMap<>();
        if (vs.getMetadata() != null && vs.getMetadata().getAnnotations() != null) {
            annotations.putAll(vs.getMetadata().getAnnotations());
        }
        String before = annotations.get(ConvertedFrom.ANNOTATION);
        String added = String.join(", ", from);
        annotations.put(ConvertedFrom.ANNOTATION, before == null || before.isEmpty() ? added : before + ", " + added);
        return new VirtualServiceBuilder(vs).editMetadata().withAnnotations(annotations).endMetadata()
                .editSpec().withHttp(http).endSpec().build();
    }

    /** The destination of {@code route} a rule may refine: the first with a host. */
    private static HTTPRouteDestination target(HTTPRoute route, String namespace) {
        if (route.getRoute() == null) {
            return null;
        }
        for (HTTPRouteDestination d : route.getRoute()) {
            if (d != null && d.getDestination() != null && d.getDestination().getHost() != null) {
                return d;
            }
        }
        return null;
    }

    private HTTPRoute refined(IngressRule rule, HTTPRoute original, List<HTTPMatchRequest> matches,
            HTTPRouteDestination target) {
        HTTPRoute route = new HttpRouteConversion(rule.resource(), rule.spec(), rule.namespace(), rule.host(), notes)
                .convert();
        route.setMatch(matches.isEmpty() ? null : matches);
        if (route.getRoute() != null) {
            for (HTTPRouteDestination d : route.getRoute()) {
                Destination dest = d.getDestination();
                if (dest != null && sameService(rule.host(), rule.namespace(), dest.getHost(), rule.namespace())) {
                    dest.setHost(target.getDestination().getHost());
                    dest.setPort(target.getDestination().getPort());
                }
            }
        }
        if (original.getRewrite() != null && route.getRewrite() == null) {
            route.setRewrite(original.getRewrite());
        }
        if (original.getTimeout() != null && route.getTimeout() == null) {
            route.setTimeout(original.getTimeout());
        }
        return route;
    }

    private static MatchRequest requestMatch(RouteRuleSpec spec) {
        if (spec.match() == null || spec.match().request() == null || spec.match().request().headers().isEmpty()) {
            return null;
        }
        return spec.match().request();
    }

    /**
     * The Ingress route's matches narrowed by the rule's request match, or null when they cannot both hold
     * (the rule is then not applied to this route).
     */
    private List<HTTPMatchRequest> combine(List<HTTPMatchRequest> ingress, IngressRule rule) {
        HTTPMatchRequest ruleMatch = ruleMatch(rule);
        if (ingress == null || ingress.isEmpty()) {
            return ruleMatch == null ? List.of() : List.of(ruleMatch);
        }
        List<HTTPMatchRequest> out = new ArrayList<>();
        for (HTTPMatchRequest m : ingress) {
            HTTPMatchRequest merged = merge(m, ruleMatch);
            if (merged != null) {
                out.add(merged);
            }
        }
        if (out.isEmpty()) {
            notes.info(rule.resource(), "spec.match.request", "the rule's match and the Ingress path of "
                    + "the route cannot both hold: not applied to that route");
            return null;
        }
        return out;
    }

    private HTTPMatchRequest ruleMatch(IngressRule rule) {
        if (requestMatch(rule.spec()) == null) {
            return null;
        }
        HTTPRoute converted = new HttpRouteConversion(rule.resource(), rule.spec(), rule.namespace(), rule.host(),
                new LegacyNotes(new Notifications())).convert();
        if (converted.getMatch() == null || converted.getMatch().isEmpty()) {
            return null;
        }
        HTTPMatchRequest m = converted.getMatch().get(0);
        m.setSourceLabels(null);
        m.setSourceNamespace(null);
        return m;
    }

    /** Both matches in one, or null when they conflict. */
    private static HTTPMatchRequest merge(HTTPMatchRequest a, HTTPMatchRequest b) {
        if (a == null || b == null) {
            return a == null ? copy(b) : copy(a);
        }
        HTTPMatchRequest m = copy(a);
        m.setUri(narrow(a.getUri(), b.getUri()));
        m.setAuthority(narrow(a.getAuthority(), b.getAuthority()));
        m.setMethod(narrow(a.getMethod(), b.getMethod()));
        m.setScheme(narrow(a.getScheme(), b.getScheme()));
        if ((a.getUri() != null || b.getUri() != null) && m.getUri() == null
                || (a.getAuthority() != null || b.getAuthority() != null) && m.getAuthority() == null
                || (a.getMethod() != null || b.getMethod() != null) && m.getMethod() == null
                || (a.getScheme() != null || b.getScheme() != null) && m.getScheme() == null) {
            return null;
        }
        Map<String, StringMatch> headers = new LinkedHashMap<>();
        if (a.getHeaders() != null) {
            headers.putAll(a.getHeaders());
        }
        if (b.getHeaders() != null) {
            for (var e : b.getHeaders().entrySet()) {
                StringMatch n = headers.containsKey(e.getKey()) ? narrow(headers.get(e.getKey()), e.getValue())
                        : e.getValue();
                if (n == null) {
                    return null;
                }
                headers.put(e.getKey(), n);
            }
        }
        m.setHeaders(headers.isEmpty() ? null : headers);
        return m;
    }

    /** The narrower of two string matches, null when both are null or they conflict. */
    private static StringMatch narrow(StringMatch a, StringMatch b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        if (Objects.equals(a.getMatchType(), b.getMatchType())) {
            return a;
        }
        if (a.getMatchType() instanceof StringMatchPrefix pa) {
            if (b.getMatchType() instanceof StringMatchPrefix pb) {
                return pb.getPrefix().startsWith(pa.getPrefix()) ? b : pa.getPrefix().startsWith(pb.getPrefix()) ? a
                        : null;
            }
            if (b.getMatchType() instanceof StringMatchExact eb) {
                return eb.getExact().startsWith(pa.getPrefix()) ? b : null;
            }
        }
        if (b.getMatchType() instanceof StringMatchPrefix && a.getMatchType() instanceof StringMatchExact) {
            return narrow(b, a);
        }
        return null;
    }

    private static HTTPMatchRequest copy(HTTPMatchRequest m) {
        return m == null ? new HTTPMatchRequest() : new HTTPMatchRequestBuilder(m).build();
    }

    /** Whether two hosts, each seen from its namespace, name the same service. */
    static boolean sameService(String a, String aNamespace, String b, String bNamespace) {
        return fqdn(a, aNamespace).equals(fqdn(b, bNamespace));
    }

    private static String fqdn(String host, String namespace) {
        if (host == null) {
            return "";
        }
        String[] parts = host.split("\\.");
        if (parts.length == 1) {
            return host + "." + namespace + ".svc." + LegacyHosts.DEFAULT_DOMAIN;
        }
        if (parts.length == 2) {
            return host + ".svc." + LegacyHosts.DEFAULT_DOMAIN;
        }
        return host;
    }
}
