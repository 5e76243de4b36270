package io.gwctl.translate.envoy.route;

import com.google.protobuf.BoolValue;
import io.envoyproxy.envoy.config.core.v3.RuntimeFractionalPercent;
import io.envoyproxy.envoy.extensions.filters.common.fault.v3.FaultDelay;
import io.envoyproxy.envoy.extensions.filters.http.cors.v3.CorsPolicy;
import io.envoyproxy.envoy.extensions.filters.http.fault.v3.FaultAbort;
import io.envoyproxy.envoy.extensions.filters.http.fault.v3.HTTPFault;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import io.envoyproxy.envoy.type.v3.FractionalPercent;
import io.fabric8.istio.api.api.networking.v1alpha3.CorsPolicyUnmatchedPreflights;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPFaultInjection;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPFaultInjectionAbortGrpcStatus;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPFaultInjectionAbortHttpStatus;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPFaultInjectionDelayFixedDelay;
import io.fabric8.istio.api.api.networking.v1alpha3.Percent;
import io.gwctl.validate.rules.names.Durations;
import java.util.List;
import java.util.Map;

/**
 * The per-route filter configs pilot puts on a route: fault injection ({@code TranslateFault}) and CORS
 * ({@code TranslateCORSPolicy}), with its percent conversions ({@code translatePercentToFractionalPercent},
 * {@code translateIntegerToFractionalPercent}).
 */
final class FilterConfigs {

    static final String FAULT = "envoy.filters.http.fault";
    static final String CORS = "envoy.filters.http.cors";

    /** gRPC status codes by name, as pilot's {@code grpc.SupportedGRPCStatus}. */
    private static final Map<String, Integer> GRPC_STATUS = Map.ofEntries(Map.entry("OK", 0),
            Map.entry("CANCELLED", 1), Map.entry("UNKNOWN", 2), Map.entry("INVALID_ARGUMENT", 3),
            Map.entry("DEADLINE_EXCEEDED", 4), Map.entry("NOT_FOUND", 5), Map.entry("ALREADY_EXISTS", 6),
            Map.entry("PERMISSION_DENIED", 7), Map.entry("RESOURCE_EXHAUSTED", 8),
            Map.entry("FAILED_PRECONDITION", 9), Map.entry("ABORTED", 10), Map.entry("OUT_OF_RANGE", 11),
            Map.entry("UNIMPLEMENTED", 12), Map.entry("INTERNAL", 13), Map.entry("UNAVAILABLE", 14),
            Map.entry("DATA_LOSS", 15), Map.entry("UNAUTHENTICATED", 16));

    private FilterConfigs() {
    }

    /** A percentage as a fraction of a million ({@code 0.1} → 1000/MILLION), truncated as Go's uint32 conversion. */
    static FractionalPercent.Builder percent(Percent p) {
        double value = p.getValue() == null ? 0 : p.getValue();
        return FractionalPercent.newBuilder().setNumerator((int) (long) (value * 10000))
                .setDenominator(FractionalPercent.DenominatorType.MILLION);
    }

    /** An integer percentage as a fraction of a hundred. */
    static FractionalPercent.Builder percent(int p) {
        return FractionalPercent.newBuilder().setNumerator(p).setDenominator(FractionalPercent.DenominatorType.HUNDRED);
    }

    /**
     * The fault filter config: a fixed delay (exponential delays are dropped), an HTTP or gRPC abort; empty when
     * neither remains, as pilot then packs an empty config.
     */
    static HTTPFault.Builder fault(HTTPFaultInjection in) {
        HTTPFault.Builder out = HTTPFault.newBuilder();
        var delay = in.getDelay();
        if (delay != null && delay.getHttpDelayType() instanceof HTTPFaultInjectionDelayFixedDelay fixed) {
            FaultDelay.Builder d = FaultDelay.newBuilder().setPercentage(delay.getPercentage() != null
                    ? percent(delay.getPercentage())
                    : percent(delay.getPercent() == null ? 0 : delay.getPercent()));
            ProtoDuration.parse(fixed.getFixedDelay()).ifPresent(d::setFixedDelay);
            out.setDelay(d);
        }
        var abort = in.getAbort();
        if (abort != null) {
            FaultAbort.Builder a = FaultAbort.newBuilder();
            if (abort.getPercentage() != null) {
                a.setPercentage(percent(abort.getPercentage()));
            }
            if (abort.getErrorType() instanceof HTTPFaultInjectionAbortHttpStatus http && http.getHttpStatus() != null) {
                out.setAbort(a.setHttpStatus(http.getHttpStatus()));
            } else if (abort.getErrorType() instanceof HTTPFaultInjectionAbortGrpcStatus grpc
                    && grpc.getGrpcStatus() != null) {
                out.setAbort(a.setGrpcStatus(GRPC_STATUS.getOrDefault(grpc.getGrpcStatus(), 0)));
            }
        }
        return out;
    }

    /** The CORS filter's per-route policy, always enabled at 100%. */
    static CorsPolicy.Builder cors(io.fabric8.istio.api.api.networking.v1alpha3.CorsPolicy in, String path,
            List<RouteProblem> problems) {
        CorsPolicy.Builder out = CorsPolicy.newBuilder()
                .setForwardNotMatchingPreflights(BoolValue.of(
                        in.getUnmatchedPreflights() != CorsPolicyUnmatchedPreflights.IGNORE));
        if (in.getAllowOrigins() != null) {
            for (int i = 0; i < in.getAllowOrigins().size(); i++) {
                StringMatcher.Builder m = RouteMatches.stringMatcher(in.getAllowOrigins().get(i),
                        path + ".allowOrigins[" + i + "]", problems);
                if (m != null) {
                    out.addAllowOriginStringMatch(m);
                }
            }
        } else if (in.getAllowOrigin() != null) {
            for (String origin : in.getAllowOrigin()) {
                if (origin != null) {
                    out.addAllowOriginStringMatch(StringMatcher.newBuilder().setExact(origin));
                }
            }
        }
        out.setFilterEnabled(RuntimeFractionalPercent.newBuilder().setDefaultValue(percent(100)));
        if (in.getAllowCredentials() != null) {
            out.setAllowCredentials(BoolValue.of(in.getAllowCredentials()));
        }
        out.setAllowHeaders(join(in.getAllowHeaders()));
        out.setAllowMethods(join(in.getAllowMethods()));
        out.setExposeHeaders(join(in.getExposeHeaders()));
        if (in.getMaxAge() != null) {
            Durations.parse(in.getMaxAge()).ifPresent(d -> out.setMaxAge(Long.toString(d.getSeconds())));
        }
        return out;
    }

    private static String join(List<String> values) {
        return values == null ? "" : String.join(",", values.stream().map(v -> v == null ? "" : v).toList());
    }
}
