package io.gwctl.translate.envoy.route;

import com.google.protobuf.Any;
import com.google.protobuf.BoolValue;
import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import com.google.protobuf.Struct;
import com.google.protobuf.UInt32Value;
import com.google.protobuf.Value;
import io.envoyproxy.envoy.config.core.v3.DataSource;
import io.envoyproxy.envoy.config.core.v3.Metadata;
import io.envoyproxy.envoy.config.core.v3.RuntimeFractionalPercent;
import io.envoyproxy.envoy.config.route.v3.Decorator;
import io.envoyproxy.envoy.config.route.v3.DirectResponseAction;
import io.envoyproxy.envoy.config.route.v3.RedirectAction;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.config.route.v3.WeightedCluster;
import io.envoyproxy.envoy.type.matcher.v3.RegexMatchAndSubstitute;
import io.envoyproxy.envoy.type.matcher.v3.RegexMatcher;
import io.fabric8.istio.api.api.networking.v1alpha3.Destination;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPBodyBytes;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPBodyString;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPDirectResponse;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequest;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMirrorPolicy;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRedirect;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRedirectDerivePort;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRedirectPort;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRedirectRedirectPortSelection;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteDestination;
import io.fabric8.istio.api.api.networking.v1alpha3.Percent;
import io.gwctl.model.resource.Resource;
import io.gwctl.translate.envoy.ClusterName;
import io.gwctl.translate.envoy.MeshService;
import io.gwctl.translate.envoy.ShortNames;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Turns one VirtualService HTTP route into the Envoy routes a gateway gets for it, as pilot's
 * {@code TranslateRoute}/{@code translateRoute} (pilot/pkg/networking/core/route/route.go) do: one route per match
 * (a {@code prefix: /} route when there is none), each with the forward, redirect or direct-response action,
 * header operations, fault and CORS filter configs, name, decorator and config metadata.
 *
 * <p>Like pilot, a match whose {@code port} is not the listener's is left out, and matches after one whose Envoy
 * route is catch-all are not translated. Not covered: {@code sourceLabels}/{@code gateways} (the caller selects
 * the routes of its gateway), consistent-hash policies from DestinationRules, JWT claim matches
 * ({@code @request.auth.claims}), and redirects on TLS listeners ({@code isTLS} is taken as false).
 */
public final class HttpRouteTranslation {

    /** pilot's {@code Notimeout}: 0s, which disables Envoy's route timeout. */
    static final Duration NO_TIMEOUT = Duration.getDefaultInstance();

    private HttpRouteTranslation() {
    }

    /** The Envoy routes for {@code in}, in match order. */
    public static List<Route.Builder> translate(HttpRouteInput in) {
        return translate(in, new ArrayList<>());
    }

    /** The Envoy routes for {@code in}, adding to {@code problems} what Envoy would reject in them. */
    public static List<Route.Builder> translate(HttpRouteInput in, List<RouteProblem> problems) {
        HTTPRoute http = in.route();
        List<Route.Builder> out = new ArrayList<>();
        List<HTTPMatchRequest> matches = http.getMatch();
        if (matches == null || matches.isEmpty()) {
            out.add(route(in, null, in.path(), problems));
            return out;
        }
        for (int i = 0; i < matches.size(); i++) {
            HTTPMatchRequest m = matches.get(i);
            if (m != null && m.getPort() != null && m.getPort() != 0 && m.getPort() != in.listenerPort()) {
                continue;
            }
            Route.Builder r = route(in, m, in.path() + ".match[" + i + "]", problems);
            out.add(r);
            if (isCatchAllRoute(r)) {
                break;
            }
        }
        return out;
    }

    /** Pilot's catch-all match: none at all, or only a uri prefix {@code /} or regex {@code *}/{@code .*}. */
    public static boolean isCatchAll(HTTPMatchRequest match) {
        return RouteMatches.isCatchAll(match);
    }

    /** {@code IsCatchAllRoute}: prefix {@code /} or regex {@code .*}, no header or query parameter conditions. */
    static boolean isCatchAllRoute(Route.Builder r) {
        RouteMatch.Builder m = r.getMatchBuilder();
        boolean catchAll = switch (m.getPathSpecifierCase()) {
            case PREFIX -> m.getPrefix().equals("/");
            case PATH_SEPARATED_PREFIX -> m.getPathSeparatedPrefix().equals("/");
            case SAFE_REGEX -> m.getSafeRegex().getRegex().equals(".*");
            default -> false;
        };
        return catchAll && m.getHeadersCount() == 0 && m.getQueryParametersCount() == 0
                && m.getDynamicMetadataCount() == 0;
    }

    private static Route.Builder route(HttpRouteInput in, HTTPMatchRequest match, String matchPath,
            List<RouteProblem> problems) {
        HTTPRoute http = in.route();
        String name = http.getName() == null ? "" : http.getName();
        if (match != null && match.getName() != null && !match.getName().isEmpty()) {
            name = name + "." + match.getName();
        }
        Route.Builder out = Route.newBuilder().setName(name)
                .setMatch(RouteMatches.translate(match, matchPath, problems))
                .setMetadata(metadata(in.virtualService()));
        if (match != null && match.getStatPrefix() != null && !match.getStatPrefix().isEmpty()) {
            out.setStatPrefix(match.getStatPrefix());
        }
        String authority = "";
        if (http.getHeaders() != null) {
            HeaderOperations ops = HeaderOperations.of(http.getHeaders());
            ops.requestAdd().forEach(out::addRequestHeadersToAdd);
            ops.responseAdd().forEach(out::addResponseHeadersToAdd);
            out.addAllRequestHeadersToRemove(ops.requestRemove()).addAllResponseHeadersToRemove(ops.responseRemove());
            authority = ops.authority();
        }
        if (http.getRedirect() != null) {
            redirect(out, http.getRedirect(), in.listenerPort(), in.path() + ".redirect", problems);
        } else if (http.getDirectResponse() != null) {
            directResponse(out, http.getDirectResponse());
        } else {
            forward(out, in, authority, problems);
        }
        out.setDecorator(Decorator.newBuilder().setOperation(operation(out, in.virtualService().name(), in.listenerPort())));
        if (http.getFault() != null) {
            out.putTypedPerFilterConfig(FilterConfigs.FAULT, Any.pack(FilterConfigs.fault(http.getFault()).build()));
        }
        if (http.getCorsPolicy() != null) {
            out.putTypedPerFilterConfig(FilterConfigs.CORS, Any.pack(
                    FilterConfigs.cors(http.getCorsPolicy(), in.path() + ".corsPolicy", problems).build()));
        }
        return out;
    }

    /** {@code applyHTTPRouteDestination}: timeout, rewrites, mirrors, clusters and retries. */
    private static void forward(Route.Builder out, HttpRouteInput in, String authority, List<RouteProblem> problems) {
        HTTPRoute http = in.route();
        RouteAction.Builder action = RouteAction.newBuilder();
        Duration timeout = ProtoDuration.parse(http.getTimeout()).orElse(NO_TIMEOUT);
        action.setTimeout(timeout).setMaxGrpcTimeout(timeout);
        String hostRewrite = authority;
        if (http.getRewrite() != null) {
            var rewrite = http.getRewrite();
            if (rewrite.getUriRegexRewrite() != null) {
                String pattern = rewrite.getUriRegexRewrite().getMatch() == null ? "" : rewrite.getUriRegexRewrite().getMatch();
                RouteMatches.checkRe2(pattern, in.path() + ".rewrite.uriRegexRewrite.match", problems);
                action.setRegexRewrite(RegexMatchAndSubstitute.newBuilder()
                        .setPattern(RegexMatcher.newBuilder().setRegex(pattern))
                        .setSubstitution(rewrite.getUriRegexRewrite().getRewrite() == null ? ""
                                : rewrite.getUriRegexRewrite().getRewrite()));
            } else if (rewrite.getUri() != null && !rewrite.getUri().isEmpty()) {
                action.setPrefixRewrite(rewrite.getUri());
            }
            if (rewrite.getAuthority() != null && !rewrite.getAuthority().isEmpty()) {
                hostRewrite = rewrite.getAuthority();
            }
        }
        if (!hostRewrite.isEmpty()) {
            action.setHostRewriteLiteral(hostRewrite);
        }
        if (http.getMirror() != null) {
            mirrorPercent(http).ifPresent(p -> action.addRequestMirrorPolicies(mirror(in, http.getMirror(), p)));
        }
        if (http.getMirrors() != null) {
            for (HTTPMirrorPolicy m : http.getMirrors()) {
                if (m == null || m.getDestination() == null) {
                    continue;
                }
                Optional<RuntimeFractionalPercent.Builder> p = m.getPercentage() == null
                        ? Optional.of(RuntimeFractionalPercent.newBuilder().setDefaultValue(FilterConfigs.percent(100)))
                        : positive(m.getPercentage());
                p.ifPresent(pct -> action.addRequestMirrorPolicies(mirror(in, m.getDestination(), pct)));
            }
        }
        List<HTTPRouteDestination> destinations = http.getRoute() == null ? List.of() : http.getRoute();
        if (destinations.size() == 1) {
            HTTPRouteDestination dst = destinations.get(0);
            action.setCluster(cluster(in, dst == null ? null : dst.getDestination()));
            if (dst != null && dst.getHeaders() != null) {
                HeaderOperations ops = HeaderOperations.of(dst.getHeaders());
                ops.requestAdd().forEach(out::addRequestHeadersToAdd);
                out.addAllRequestHeadersToRemove(ops.requestRemove());
                ops.responseAdd().forEach(out::addResponseHeadersToAdd);
                out.addAllResponseHeadersToRemove(ops.responseRemove());
                if (!ops.authority().isEmpty() && !action.hasHostRewriteLiteral()) {
                    action.setHostRewriteLiteral(ops.authority());
                }
            }
        } else {
            WeightedCluster.Builder weighted = WeightedCluster.newBuilder();
            for (HTTPRouteDestination dst : destinations) {
                if (dst == null || dst.getWeight() == null || dst.getWeight() == 0) {
                    continue;
                }
                WeightedCluster.ClusterWeight.Builder cw = WeightedCluster.ClusterWeight.newBuilder()
                        .setName(cluster(in, dst.getDestination())).setWeight(UInt32Value.of(dst.getWeight()));
                if (dst.getHeaders() != null) {
                    HeaderOperations ops = HeaderOperations.of(dst.getHeaders());
                    ops.requestAdd().forEach(cw::addRequestHeadersToAdd);
                    cw.addAllRequestHeadersToRemove(ops.requestRemove());
                    ops.responseAdd().forEach(cw::addResponseHeadersToAdd);
                    cw.addAllResponseHeadersToRemove(ops.responseRemove());
                    if (!ops.authority().isEmpty()) {
                        cw.setHostRewriteLiteral(ops.authority());
                    }
                }
                weighted.addClusters(cw);
            }
            if (weighted.getClustersCount() == 0) {
                problems.add(new RouteProblem(in.path() + ".route",
                        "Envoy would reject the route: weighted_clusters has no cluster with a non-zero weight"));
            }
            action.setWeightedClusters(weighted);
        }
        Retries.convert(http.getRetries()).ifPresent(action::setRetryPolicy);
        out.setRoute(action);
    }

    /** {@code GetDestinationCluster}: the destination's port, else the service's only port, else the listener's. */
    private static String cluster(HttpRouteInput in, Destination dst) {
        if (dst == null || dst.getHost() == null || dst.getHost().isEmpty()) {
            return "UnknownService";
        }
        String host = ShortNames.fqdn(dst.getHost(), in.virtualService().namespace(), in.domainSuffix());
        int port = in.listenerPort();
        if (dst.getPort() != null && dst.getPort().getNumber() != null) {
            port = dst.getPort().getNumber().intValue();
        } else {
            Optional<MeshService> service = in.services().find(host);
            if (service.isPresent() && service.get().ports().size() == 1) {
                port = service.get().ports().get(0).number();
            }
        }
        return ClusterName.outbound(port, dst.getSubset(), host).toString();
    }

    private static RouteAction.RequestMirrorPolicy.Builder mirror(HttpRouteInput in, Destination dst,
            RuntimeFractionalPercent.Builder percent) {
        return RouteAction.RequestMirrorPolicy.newBuilder().setCluster(cluster(in, dst))
                .setRuntimeFraction(percent).setTraceSampled(BoolValue.of(false));
    }

    /** {@code MirrorPercent}: mirrorPercentage, else the deprecated mirrorPercent, else 100%; none when zero. */
    private static Optional<RuntimeFractionalPercent.Builder> mirrorPercent(HTTPRoute http) {
        if (http.getMirrorPercentage() != null) {
            return positive(http.getMirrorPercentage());
        }
        if (http.getMirrorPercent() != null) {
            return http.getMirrorPercent() > 0
                    ? Optional.of(RuntimeFractionalPercent.newBuilder().setDefaultValue(FilterConfigs.percent(http.getMirrorPercent())))
                    : Optional.empty();
        }
        return Optional.of(RuntimeFractionalPercent.newBuilder().setDefaultValue(FilterConfigs.percent(100)));
    }

    private static Optional<RuntimeFractionalPercent.Builder> positive(Percent p) {
        return p.getValue() != null && p.getValue() > 0
                ? Optional.of(RuntimeFractionalPercent.newBuilder().setDefaultValue(FilterConfigs.percent(p)))
                : Optional.empty();
    }

    /**
     * {@code ApplyRedirect}: path, host, scheme and port redirect (the request port for {@code FROM_REQUEST_PORT},
     * none for the scheme's default port) with code 301 unless 302/303/307/308 is given; another code leaves the
     * route without an action, which Envoy rejects.
     */
    private static void redirect(Route.Builder out, HTTPRedirect redirect, int listenerPort, String path,
            List<RouteProblem> problems) {
        RedirectAction.Builder r = RedirectAction.newBuilder()
                .setHostRedirect(redirect.getAuthority() == null ? "" : redirect.getAuthority())
                .setPathRedirect(redirect.getUri() == null ? "" : redirect.getUri());
        String scheme = redirect.getScheme() == null ? "" : redirect.getScheme();
        if (!scheme.isEmpty()) {
            r.setSchemeRedirect(scheme);
        }
        if (redirect.getRedirectPort() != null) {
            if (redirect.getRedirectPort() instanceof HTTPRedirectDerivePort d
                    && d.getDerivePort() == HTTPRedirectRedirectPortSelection.FROM_REQUEST_PORT) {
                r.setPortRedirect(listenerPort);
            } else if (redirect.getRedirectPort() instanceof HTTPRedirectPort p && p.getPort() != null) {
                r.setPortRedirect(p.getPort().intValue());
            }
            String effective = scheme.isEmpty() ? "http" : scheme;
            if ((r.getPortRedirect() == 80 && effective.equals("http"))
                    || (r.getPortRedirect() == 443 && effective.equals("https"))) {
                r.setPortRedirect(0);
            }
        }
        long code = redirect.getRedirectCode() == null ? 0 : redirect.getRedirectCode();
        RedirectAction.RedirectResponseCode responseCode = switch ((int) code) {
            case 0, 301 -> RedirectAction.RedirectResponseCode.MOVED_PERMANENTLY;
            case 302 -> RedirectAction.RedirectResponseCode.FOUND;
            case 303 -> RedirectAction.RedirectResponseCode.SEE_OTHER;
            case 307 -> RedirectAction.RedirectResponseCode.TEMPORARY_REDIRECT;
            case 308 -> RedirectAction.RedirectResponseCode.PERMANENT_REDIRECT;
            default -> null;
        };
        if (responseCode == null) {
            problems.add(new RouteProblem(path + ".redirectCode",
                    "Envoy would reject the route: redirect code " + code + " is not supported, so it has no action"));
            return;
        }
        out.setRedirect(r.setResponseCode(responseCode));
    }

    /** {@code ApplyDirectResponse}: the status and an inline string or bytes body. */
    private static void directResponse(Route.Builder out, HTTPDirectResponse in) {
        DirectResponseAction.Builder d = DirectResponseAction.newBuilder()
                .setStatus(in.getStatus() == null ? 0 : in.getStatus().intValue());
        if (in.getBody() != null) {
            if (in.getBody().getSpecifier() instanceof HTTPBodyString s && s.getString() != null) {
                d.setBody(DataSource.newBuilder().setInlineString(s.getString()));
            } else if (in.getBody().getSpecifier() instanceof HTTPBodyBytes b && b.getBytes() != null) {
                byte[] bytes;
                try {
                    bytes = Base64.getDecoder().decode(b.getBytes());
                } catch (IllegalArgumentException e) {
                    bytes = new byte[0];
                }
                d.setBody(DataSource.newBuilder().setInlineBytes(ByteString.copyFrom(bytes)));
            }
        }
        out.setDirectResponse(d);
    }

    /**
     * {@code GetRouteOperation}: {@code host:port<path>} of a single Istio cluster, else {@code vsName:listenerPort<path>},
     * the path being the prefix followed by {@code *}, the exact path, or the regex.
     */
    private static String operation(Route.Builder r, String vsName, int listenerPort) {
        RouteMatch.Builder m = r.getMatchBuilder();
        String path = switch (m.getPathSpecifierCase()) {
            case PREFIX -> m.getPrefix() + "*";
            case PATH -> m.getPath();
            case SAFE_REGEX -> m.getSafeRegex().getRegex();
            default -> "/*";
        };
        if (r.hasRoute() && r.getRoute().hasCluster()) {
            Optional<ClusterName> c = ClusterName.parse(r.getRoute().getCluster());
            if (c.isPresent()) {
                return c.get().host() + ":" + c.get().port() + path;
            }
        }
        return vsName + ":" + listenerPort + path;
    }

    /**
     * {@code util.BuildConfigInfoMetadata}: {@code filter_metadata.istio.config} naming the VirtualService as
     * {@code /apis/<group>/<version>/namespaces/<ns>/virtual-service/<name>}.
     */
    static Metadata.Builder metadata(Resource vs) {
        String config = "/apis/" + vs.apiVersion() + "/namespaces/" + vs.namespace() + "/virtual-service/" + vs.name();
        return Metadata.newBuilder().putFilterMetadata("istio",
                Struct.newBuilder().putFields("config", Value.newBuilder().setStringValue(config).build()).build());
    }
}
