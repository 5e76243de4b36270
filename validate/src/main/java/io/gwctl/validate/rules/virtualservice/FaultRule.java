package io.gwctl.validate.rules.virtualservice;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPFaultInjection;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPFaultInjectionAbort;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPFaultInjectionAbortGrpcStatus;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPFaultInjectionAbortHttp2Error;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPFaultInjectionAbortHttpStatus;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPFaultInjectionDelay;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPFaultInjectionDelayExponentialDelay;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.IsHTTPFaultInjectionAbortErrorType;
import io.fabric8.istio.api.api.networking.v1alpha3.Percent;
import io.gwctl.validate.diagnostic.GoFormat;
import io.gwctl.validate.rules.RuleContext;
import java.util.Set;

/**
 * Fault injection: an abort and/or a delay, percentages of 0 or in [0.0001, 100], an abort with an HTTP
 * status in 200..600 or a gRPC status Go's gRPC knows ({@code NOT_FOUND}…), and nothing Istio does not
 * support yet (HTTP/2 aborts, exponential delays). An abort without an error type is a warning. Istio
 * {@code validateHTTPFaultInjection} and the functions it calls; delay durations are checked by {@link DurationRule}.
 */
final class FaultRule extends HttpRouteRule {

    /** gRPC status names (Istio pkg/util/grpc {@code SupportedGRPCStatus}). */
    private static final Set<String> GRPC_STATUSES = Set.of("OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT",
            "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED",
            "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS",
            "UNAUTHENTICATED");

    @Override
    void checkRoute(RuleContext context, HTTPRoute route, int index, String routePath) {
        HTTPFaultInjection fault = route.getFault();
        if (fault == null) {
            return;
        }
        String path = VirtualServicePaths.field(routePath, "fault");
        if (fault.getAbort() == null && fault.getDelay() == null) {
            context.report(VirtualServiceCodes.FAULT, path, "HTTP fault injection must have an abort and/or a delay");
        }
        abort(context, fault.getAbort(), VirtualServicePaths.field(path, "abort"));
        delay(context, fault.getDelay(), VirtualServicePaths.field(path, "delay"));
    }

    private static void abort(RuleContext context, HTTPFaultInjectionAbort abort, String path) {
        if (abort == null) {
            return;
        }
        percentage(context, abort.getPercentage(), path);
        IsHTTPFaultInjectionAbortErrorType type = abort.getErrorType();
        if (type instanceof HTTPFaultInjectionAbortGrpcStatus grpc) {
            String status = ZeroValues.text(grpc.getGrpcStatus());
            if (!GRPC_STATUSES.contains(status)) {
                context.report(VirtualServiceCodes.FAULT, VirtualServicePaths.field(path, "grpcStatus"),
                        "gRPC status " + GoFormat.quote(status) + " is not supported. "
                                + "See https://github.com/grpc/grpc/blob/master/doc/statuscodes.md "
                                + "for a list of supported codes, for example 'NOT_FOUND'");
            }
        } else if (type instanceof HTTPFaultInjectionAbortHttp2Error) {
            context.report(VirtualServiceCodes.FAULT, VirtualServicePaths.field(path, "http2Error"),
                    "HTTP/2 abort fault injection not supported yet");
        } else if (type instanceof HTTPFaultInjectionAbortHttpStatus status) {
            long code = ZeroValues.number(status.getHttpStatus());
            if (code < 200 || code > 600) {
                context.report(VirtualServiceCodes.FAULT, VirtualServicePaths.field(path, "httpStatus"),
                        "HTTP status " + code + " is not in range 200-599");
            }
        } else {
            context.report(VirtualServiceCodes.FAULT_ABORT_TYPE, path, "abort configured, but error type not set");
        }
    }

    private static void delay(RuleContext context, HTTPFaultInjectionDelay delay, String path) {
        if (delay == null) {
            return;
        }
        percentage(context, delay.getPercentage(), path);
        if (delay.getHttpDelayType() instanceof HTTPFaultInjectionDelayExponentialDelay) {
            context.report(VirtualServiceCodes.FAULT, VirtualServicePaths.field(path, "exponentialDelay"),
                    "exponentialDelay not supported yet");
        }
    }

    /** Istio {@code validatePercentage}. */
    private static void percentage(RuleContext context, Percent percentage, String parent) {
        if (percentage == null) {
            return;
        }
        double value = ZeroValues.decimal(percentage.getValue());
        if (value < 0 || value > 100 || (value > 0 && value < 0.0001)) {
            String at = VirtualServicePaths.field(VirtualServicePaths.field(parent, "percentage"), "value");
            context.report(VirtualServiceCodes.FAULT, at,
                    "percentage " + GoFormat.number(value) + " is neither 0.0, nor in range [0.0001, 100.0]");
        }
    }
}
