package io.gwctl.validate.analysis.virtualservice;

import io.fabric8.istio.api.api.networking.v1alpha3.Gateway;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequest;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.VirtualService;
import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.analysis.AnalysisCodes;
import io.gwctl.validate.analysis.AnalysisContext;
import io.gwctl.validate.analysis.Analyzer;
import io.gwctl.validate.analysis.NamespacedName;
import io.gwctl.validate.analysis.PlainTree;
import io.gwctl.validate.analysis.workloads.LabelSelector;
import io.gwctl.validate.analysis.workloads.Workload;
import io.gwctl.validate.analysis.workloads.Workloads;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Routing on a JWT claim ({@code headers: {"@request.auth.claims.group": ...}}) works only where a
 * RequestAuthentication validates the token: each pod of each gateway the VirtualService binds to must
 * be selected by one in its own namespace or in the root namespace. Istio:
 * {@code virtualservice.JWTClaimRouteAnalyzer} (IST0149), with claim keys as {@code jwt.ToRoutingClaim}
 * reads them ({@code @request.auth.claims.a.b} or {@code @request.auth.claims[a][b]}).
 */
final class JwtClaimRouteAnalyzer implements Analyzer {

    private static final String CLAIM_PREFIX = "@request.auth.claims";

    @Override
    public String name() {
        return "virtualservice.JWTClaimRouteAnalyzer";
    }

    @Override
    public void analyze(AnalysisContext context) {
        Map<String, List<LabelSelector>> authnByNamespace = new HashMap<>();
        for (Resource ra : context.ofKind("security.istio.io", "RequestAuthentication")) {
            LabelSelector selector = LabelSelector.of(
                    PlainTree.stringMap(PlainTree.at(ra.tree(), "spec", "selector", "matchLabels")));
            authnByNamespace.computeIfAbsent(ra.namespace(), k -> new ArrayList<>()).add(selector);
        }
        Map<NamespacedName, Gateway> gateways = new HashMap<>();
        for (Resource r : context.ofType(ResourceType.GATEWAY)) {
            r.spec(Gateway.class).ifPresent(gw -> gateways.put(NamespacedName.of(r), gw));
        }
        Workloads workloads = Workloads.of(context);
        for (Resource r : context.ofType(ResourceType.VIRTUAL_SERVICE)) {
            VirtualService vs = r.spec(VirtualService.class).orElse(null);
            Optional<ClaimKey> claim = vs == null ? Optional.empty() : claimKey(vs);
            if (claim.isEmpty() || vs.getGateways() == null) {
                continue;
            }
            for (String ref : vs.getGateways()) {
                if (ref == null || ref.equals(GatewayRef.MESH)) {
                    continue;
                }
                NamespacedName name = GatewayRef.resolve(r.namespace(), ref);
                Gateway gw = gateways.get(name);
                if (gw == null) {
                    continue;
                }
                for (Workload pod : workloads.podsSelectedBy(LabelSelector.of(gw.getSelector()))) {
                    List<LabelSelector> selectors = new ArrayList<>(
                            authnByNamespace.getOrDefault(Workloads.ISTIO_NAMESPACE, List.of()));
                    if (!pod.namespace().equals(Workloads.ISTIO_NAMESPACE)) {
                        selectors.addAll(authnByNamespace.getOrDefault(pod.namespace(), List.of()));
                    }
                    if (selectors.stream().noneMatch(s -> s.matches(pod.labels()))) {
                        String path = claim.get().path();
                        context.report(AnalysisCodes.JWT_CLAIM_ROUTE_WITHOUT_AUTHN, r, path, String.format(
                                "The virtual service uses the JWT claim based routing (key: %s) but found no request "
                                        + "authentication for the gateway (%s) pod (%s). The request authentication "
                                        + "must first be applied for the gateway pods to validate the JWT token and "
                                        + "make the claims available for routing.",
                                claim.get().key(), name, pod.name()));
                    }
                }
            }
        }
    }

    /** The first header match of {@code vs} on a JWT claim, in {@code headers} then {@code withoutHeaders}. */
    private static Optional<ClaimKey> claimKey(VirtualService vs) {
        List<HTTPRoute> http = vs.getHttp() == null ? List.of() : vs.getHttp();
        for (int i = 0; i < http.size(); i++) {
            List<HTTPMatchRequest> matches = http.get(i) == null || http.get(i).getMatch() == null
                    ? List.of() : http.get(i).getMatch();
            for (int m = 0; m < matches.size(); m++) {
                HTTPMatchRequest match = matches.get(m);
                if (match == null) {
                    continue;
                }
                Optional<ClaimKey> found = claimIn(match.getHeaders(), i, m, "headers");
                if (found.isEmpty()) {
                    found = claimIn(match.getWithoutHeaders(), i, m, "withoutHeaders");
                }
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<ClaimKey> claimIn(Map<String, ?> headers, int rule, int match, String field) {
        if (headers == null) {
            return Optional.empty();
        }
        return headers.keySet().stream().filter(JwtClaimRouteAnalyzer::isClaim).findFirst()
                .map(k -> new ClaimKey(k, VirtualServicePaths.matchHeader(rule, match, field, k)));
    }

    /** Istio's {@code jwt.ToRoutingClaim(key).Match}. */
    static boolean isClaim(String header) {
        if (header == null || !header.toLowerCase(Locale.ROOT).startsWith(CLAIM_PREFIX)) {
            return false;
        }
        String name = header.substring(CLAIM_PREFIX.length());
        return name.startsWith(".") && name.length() > 1
                || name.startsWith("[") && name.endsWith("]") && name.length() > 2;
    }

    /**
     * A header key that routes on a claim, and where it is.
     *
     * @param key  the header key as written
     * @param path its field path
     */
    private record ClaimKey(String key, String path) {
    }
}
