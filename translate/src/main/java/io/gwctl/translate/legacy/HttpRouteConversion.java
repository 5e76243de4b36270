package io.gwctl.translate.legacy;

import io.fabric8.istio.api.api.networking.v1alpha3.CorsPolicy;
import io.fabric8.istio.api.api.networking.v1alpha3.CorsPolicyBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.Destination;
import io.fabric8.istio.api.api.networking.v1alpha3.DestinationBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPFaultInjection;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPFaultInjectionAbort;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPFaultInjectionAbortGrpcStatus;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPFaultInjectionAbortHttp2Error;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPFaultInjectionAbortHttpStatus;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPFaultInjectionDelay;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPFaultInjectionDelayFixedDelay;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequest;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRedirectBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRetryBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRewriteBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteDestination;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteDestinationBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.HeadersBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.HeadersHeaderOperationsBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.Percent;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatch;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchExact;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchPrefix;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchRegex;
import io.gwctl.model.legacy.DestinationWeight;
import io.gwctl.model.legacy.HttpFaultInjection;
import io.gwctl.model.legacy.IstioService;
import io.gwctl.model.legacy.MatchCondition;
import io.gwctl.model.legacy.RouteRuleSpec;
import io.gwctl.model.resource.Resource;
import io.gwctl.model.yaml.FieldPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one RouteRule into one {@code http[]} entry of a VirtualService, following the final revision of
 * istioctl's {@code convertRouteRule} (istioctl/pkg/convert/route.go) with its losses made explicit: every
 * field that is dropped or approximated is reported at its source path, nothing is dereferenced blindly,
 * fault percentages keep their fraction ({@code percentage}) and {@code match.source} becomes
 * {@code sourceLabels}/{@code sourceNamespace} instead of being dropped.
 */
final class HttpRouteConversion {

    /** A subset a converted route refers to: it must exist in the DestinationRule of {@code host}. */
    record SubsetRef(String namespace, String host, String name, Map<String, String> labels, Resource from) {
    }

    private final Resource rule;
    private final RouteRuleSpec spec;
    private final String namespace;
    private final String host;
    private final LegacyNotes notes;
    private final List<SubsetRef> subsets = new ArrayList<>();

    /**
     * @param namespace the namespace the VirtualService is written to
     * @param host      the rule's destination host as the VirtualService names it
     */
    HttpRouteConversion(Resource rule, RouteRuleSpec spec, String namespace, String host, LegacyNotes notes) {
        this.rule = rule;
        this.spec = spec;
        this.namespace = namespace;
        this.host = host;
        this.notes = notes;
    }

    /** The subsets the converted route refers to (route labels and mirror labels). */
    List<SubsetRef> subsets() {
        return List.copyOf(subsets);
    }

    HTTPRoute convert() {
        HTTPRoute route = new HTTPRoute();
        HTTPMatchRequest match = match(spec.match());
        if (match != null) {
            route.setMatch(List.of(match));
        }
        if (spec.redirect() != null) {
            route.setRedirect(new HTTPRedirectBuilder().withUri(blankToNull(spec.redirect().uri()))
                    .withAuthority(blankToNull(spec.redirect().authority())).build());
            if (!spec.route().isEmpty()) {
                notes.warn(rule, "spec.route", "a redirect answers the request itself: route dropped");
            }
        } else {
            route.setRoute(destinations());
        }
        if (spec.rewrite() != null) {
            route.setRewrite(new HTTPRewriteBuilder().withUri(blankToNull(spec.rewrite().uri()))
                    .withAuthority(blankToNull(spec.rewrite().authority())).build());
        }
        if (spec.websocketUpgrade()) {
            notes.info(rule, "spec.websocketUpgrade",
                    "VirtualServices upgrade WebSocket connections without being asked: field dropped");
        }
        timeout(route);
        retries(route);
        fault(route);
        if (spec.l4Fault() != null) {
            notes.warn(rule, "spec.l4Fault", "L4 fault injection has no VirtualService equivalent: dropped");
        }
        if (spec.mirror() != null) {
            if (LegacyHosts.host(spec.mirror(), namespace).isEmpty()) {
                notes.warn(rule, "spec.mirror", "mirror names no service: dropped");
            } else {
                route.setMirror(destination(spec.mirror()));
            }
        }
        if (!spec.appendHeaders().isEmpty()) {
            route.setHeaders(new HeadersBuilder().withRequest(new HeadersHeaderOperationsBuilder()
                    .withAdd(new LinkedHashMap<>(spec.appendHeaders())).build()).build());
            notes.info(rule, "spec.appendHeaders", "converted to headers.request.add");
        }
        if (spec.corsPolicy() != null) {
            route.setCorsPolicy(cors(spec.corsPolicy()));
        }
        return route;
    }

    private HTTPMatchRequest match(MatchCondition condition) {
        if (condition == null) {
            return null;
        }
        HTTPMatchRequest m = new HTTPMatchRequest();
        boolean any = false;
        if (condition.request() != null) {
            Map<String, StringMatch> headers = new LinkedHashMap<>();
            for (var e : condition.request().headers().entrySet()) {
                String field = FieldPath.field("spec.match.request.headers", e.getKey());
                StringMatch sm = stringMatch(e.getValue(), field);
                if (sm == null) {
                    continue;
                }
                any = true;
                switch (e.getKey()) {
                    case "uri" -> m.setUri(sm);
                    case "authority" -> m.setAuthority(sm);
                    case "method" -> m.setMethod(sm);
                    case "scheme" -> m.setScheme(sm);
                    default -> headers.put(e.getKey(), sm);
                }
            }
            if (!headers.isEmpty()) {
                m.setHeaders(headers);
            }
        }
        IstioService source = condition.source();
        if (source != null) {
            if (!source.labels().isEmpty()) {
                m.setSourceLabels(new LinkedHashMap<>(source.labels()));
                any = true;
            }
            if (!source.namespace().isEmpty()) {
                m.setSourceNamespace(source.namespace());
                any = true;
            }
            // From the ingress, the gateway binding is what says where traffic comes from.
            if (!source.host().isEmpty() && !RouteRuleConverter.fromIngress(spec)) {
                notes.warn(rule, "spec.match.source.name", "a source service name cannot be matched"
                        + (source.labels().isEmpty() ? ": dropped, the rule now applies to every source"
                                : ": matched on the source's labels only"));
            }
        }
        if (condition.tcp() != null) {
            notes.warn(rule, "spec.match.tcp", "TCP matching is not supported: dropped");
        }
        if (condition.udp() != null) {
            notes.warn(rule, "spec.match.udp", "UDP matching is not supported: dropped");
        }
        return any ? m : null;
    }

    private StringMatch stringMatch(io.gwctl.model.legacy.StringMatch in, String field) {
        if (in == null || in.type() == null) {
            notes.warn(rule, field, "match has no exact, prefix or regex: dropped");
            return null;
        }
        return switch (in.type()) {
            case EXACT -> new StringMatch(new StringMatchExact(in.exact()));
            case PREFIX -> new StringMatch(new StringMatchPrefix(in.prefix()));
            case REGEX -> new StringMatch(new StringMatchRegex(in.regex()));
        };
    }

    private List<HTTPRouteDestination> destinations() {
        if (spec.route().isEmpty()) {
            return List.of(new HTTPRouteDestinationBuilder()
                    .withDestination(new DestinationBuilder().withHost(host).build()).withWeight(100).build());
        }
        List<HTTPRouteDestination> out = new ArrayList<>();
        for (DestinationWeight w : spec.route()) {
            if (w == null) {
                continue;
            }
            Destination d = w.destination() == null
                    ? new DestinationBuilder().withHost(host).build()
                    : destination(w.destination());
            if (!w.labels().isEmpty()) {
                d.setSubset(subset(d.getHost(), w.labels()));
            }
            out.add(new HTTPRouteDestinationBuilder().withDestination(d)
                    .withWeight(w.weight() == 0 ? null : w.weight()).build());
        }
        return out;
    }

    /** The destination {@code service} names; the rule's own host when it names none. */
    private Destination destination(IstioService service) {
        String h = LegacyHosts.host(service, namespace);
        if (h.isEmpty()) {
            h = host;
        }
        Destination d = new DestinationBuilder().withHost(h).build();
        if (!service.labels().isEmpty()) {
            d.setSubset(subset(h, service.labels()));
        }
        return d;
    }

    private String subset(String target, Map<String, String> labels) {
        String name = SubsetNames.of(labels);
        subsets.add(new SubsetRef(namespace, target, name, Map.copyOf(labels), rule));
        return name;
    }

    private void timeout(HTTPRoute route) {
        var t = spec.httpReqTimeout();
        if (t == null) {
            return;
        }
        if (t.custom() != null) {
            notes.warn(rule, "spec.httpReqTimeout.custom", "custom timeout policies are not supported: dropped");
        }
        if (t.simpleTimeout() == null) {
            return;
        }
        duration(t.simpleTimeout().timeout(), "spec.httpReqTimeout.simpleTimeout.timeout")
                .ifPresent(route::setTimeout);
        if (!t.simpleTimeout().overrideHeaderName().isEmpty()) {
            notes.warn(rule, "spec.httpReqTimeout.simpleTimeout.overrideHeaderName",
                    "a timeout override header is not supported: dropped");
        }
    }

    private void retries(HTTPRoute route) {
        var r = spec.httpReqRetries();
        if (r == null) {
            return;
        }
        if (r.custom() != null) {
            notes.warn(rule, "spec.httpReqRetries.custom", "custom retry policies are not supported: dropped");
        }
        if (r.simpleRetry() == null) {
            return;
        }
        var s = r.simpleRetry();
        route.setRetries(new HTTPRetryBuilder().withAttempts(s.attempts())
                .withPerTryTimeout(duration(s.perTryTimeout(), "spec.httpReqRetries.simpleRetry.perTryTimeout")
                        .orElse(null))
                .build());
        if (!s.overrideHeaderName().isEmpty()) {
            notes.warn(rule, "spec.httpReqRetries.simpleRetry.overrideHeaderName",
                    "a retry override header is not supported: dropped");
        }
    }

    private void fault(HTTPRoute route) {
        HttpFaultInjection f = spec.httpFault();
        if (f == null) {
            return;
        }
        HTTPFaultInjectionDelay delay = null;
        if (f.delay() != null) {
            var d = f.delay();
            String field = "spec.httpFault.delay";
            if (d.exponentialDelay() != null) {
                notes.warn(rule, field + ".exponentialDelay", "exponential delays are not supported: dropped");
            }
            var fixed = duration(d.fixedDelay(), field + ".fixedDelay");
            if (fixed.isPresent()) {
                delay = new HTTPFaultInjectionDelay();
                delay.setHttpDelayType(new HTTPFaultInjectionDelayFixedDelay(fixed.get()));
                delay.setPercentage(percent(d.percent(), field + ".percent"));
            } else if (d.exponentialDelay() == null) {
                notes.warn(rule, field, "delay has no fixedDelay: dropped");
            }
            if (!d.overrideHeaderName().isEmpty()) {
                notes.warn(rule, field + ".overrideHeaderName", "a delay override header is not supported: dropped");
            }
        }
        HTTPFaultInjectionAbort abort = null;
        if (f.abort() != null) {
            var a = f.abort();
            String field = "spec.httpFault.abort";
            abort = new HTTPFaultInjectionAbort();
            if (a.httpStatus() != null) {
                abort.setErrorType(new HTTPFaultInjectionAbortHttpStatus(a.httpStatus()));
            } else if (a.http2Error() != null) {
                abort.setErrorType(new HTTPFaultInjectionAbortHttp2Error(a.http2Error()));
            } else if (a.grpcStatus() != null) {
                abort.setErrorType(new HTTPFaultInjectionAbortGrpcStatus(a.grpcStatus()));
            } else {
                notes.warn(rule, field, "abort has no httpStatus, http2Error or grpcStatus: dropped");
                abort = null;
            }
            if (abort != null) {
                abort.setPercentage(percent(a.percent(), field + ".percent"));
            }
            if (!a.overrideHeaderName().isEmpty()) {
                notes.warn(rule, field + ".overrideHeaderName", "an abort override header is not supported: dropped");
            }
        }
        if (delay != null || abort != null) {
            route.setFault(new HTTPFaultInjection(abort, delay));
        }
    }

    private Percent percent(float value, String field) {
        if (value == 0) {
            notes.info(rule, field, "percent is 0 (not set), so the fault never applies");
        }
        return new Percent(Double.valueOf(Float.toString(value)));
    }

    private CorsPolicy cors(io.gwctl.model.legacy.CorsPolicy in) {
        CorsPolicyBuilder b = new CorsPolicyBuilder();
        if (!in.allowOrigin().isEmpty()) {
            b.withAllowOrigins(in.allowOrigin().stream().map(o -> new StringMatch(new StringMatchExact(o))).toList());
            notes.info(rule, "spec.corsPolicy.allowOrigin", "converted to allowOrigins exact matches");
        }
        if (!in.allowMethods().isEmpty()) {
            b.withAllowMethods(in.allowMethods());
        }
        if (!in.allowHeaders().isEmpty()) {
            b.withAllowHeaders(in.allowHeaders());
        }
        if (!in.exposeHeaders().isEmpty()) {
            b.withExposeHeaders(in.exposeHeaders());
        }
        duration(in.maxAge(), "spec.corsPolicy.maxAge").ifPresent(b::withMaxAge);
        b.withAllowCredentials(in.allowCredentials());
        return b.build();
    }

    private Optional<String> duration(String text, String field) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        var out = ProtoDurations.seconds(text);
        if (out.isEmpty()) {
            notes.warn(rule, field, "\"" + text + "\" is not a duration: dropped");
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
