package io.gwctl.translate.envoy.route;

import com.google.protobuf.Any;
import com.google.protobuf.UInt32Value;
import io.envoyproxy.envoy.config.route.v3.RetryPolicy;
import io.envoyproxy.envoy.extensions.retry.host.previous_hosts.v3.PreviousHostsPredicate;
import io.envoyproxy.envoy.extensions.retry.priority.previous_priorities.v3.PreviousPrioritiesConfig;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRetry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Envoy retry policies from VirtualService retries, as pilot's {@code retry.ConvertPolicy}. */
final class Retries {

    static final String DEFAULT_RETRY_ON = "connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes";
    static final String PREVIOUS_HOSTS = "envoy.retry_host_predicates.previous_hosts";
    static final String PREVIOUS_PRIORITIES = "envoy.retry_priorities.previous_priorities";

    /** The codes Go's {@code http.StatusText} knows: the numbers {@code parseRetryOn} takes as status codes. */
    private static final Set<Integer> STATUS_CODES = Set.of(100, 101, 102, 103, 200, 201, 202, 203, 204, 205, 206,
            207, 208, 226, 300, 301, 302, 303, 304, 305, 307, 308, 400, 401, 402, 403, 404, 405, 406, 407, 408, 409,
            410, 411, 412, 413, 414, 415, 416, 417, 418, 421, 422, 423, 424, 425, 426, 428, 429, 431, 451, 500, 501,
            502, 503, 504, 505, 506, 507, 508, 510, 511);

    private Retries() {
    }

    /**
     * The policy for {@code in}: pilot's default (2 retries, {@link #DEFAULT_RETRY_ON}, 503 retriable, previous-hosts
     * predicate, 5 host selection attempts) when it is null, none when it has no positive attempts, else the
     * default with the given fields overriding it.
     */
    static Optional<RetryPolicy.Builder> convert(HTTPRetry in) {
        RetryPolicy.Builder out = RetryPolicy.newBuilder()
                .setNumRetries(UInt32Value.of(2))
                .setRetryOn(DEFAULT_RETRY_ON)
                .setHostSelectionRetryMaxAttempts(5)
                .addRetriableStatusCodes(503)
                .addRetryHostPredicate(previousHosts());
        if (in == null) {
            return Optional.of(out);
        }
        if (in.getAttempts() == null || in.getAttempts() <= 0) {
            return Optional.empty();
        }
        out.setNumRetries(UInt32Value.of(in.getAttempts()));
        if (in.getRetryOn() != null && !in.getRetryOn().isEmpty()) {
            List<String> conditions = new ArrayList<>();
            List<Integer> codes = new ArrayList<>();
            for (String part : in.getRetryOn().split(",", -1)) {
                String p = part.trim();
                if (p.isEmpty()) {
                    continue;
                }
                Integer code = statusCode(p);
                if (code != null) {
                    codes.add(code);
                } else {
                    conditions.add(p);
                }
            }
            String retryOn = String.join(",", conditions);
            if (!codes.isEmpty() && !retryOn.contains("retriable-status-codes")) {
                retryOn += ",retriable-status-codes";
            }
            out.setRetryOn(retryOn).clearRetriableStatusCodes().addAllRetriableStatusCodes(codes);
        }
        ProtoDuration.parse(in.getPerTryTimeout()).ifPresent(out::setPerTryTimeout);
        if (in.getRetryIgnorePreviousHosts() != null) {
            out.clearRetryHostPredicate();
            if (in.getRetryIgnorePreviousHosts()) {
                out.addRetryHostPredicate(previousHosts());
            }
        }
        if (Boolean.TRUE.equals(in.getRetryRemoteLocalities())) {
            out.setRetryPriority(RetryPolicy.RetryPriority.newBuilder().setName(PREVIOUS_PRIORITIES)
                    .setTypedConfig(Any.pack(PreviousPrioritiesConfig.newBuilder().setUpdateFrequency(2).build())));
        }
        ProtoDuration.parse(in.getBackoff())
                .ifPresent(d -> out.setRetryBackOff(RetryPolicy.RetryBackOff.newBuilder().setBaseInterval(d)));
        return Optional.of(out);
    }

    private static RetryPolicy.RetryHostPredicate.Builder previousHosts() {
        return RetryPolicy.RetryHostPredicate.newBuilder().setName(PREVIOUS_HOSTS)
                .setTypedConfig(Any.pack(PreviousHostsPredicate.getDefaultInstance()));
    }

    private static Integer statusCode(String part) {
        if (!part.matches("[+-]?\\d{1,9}")) {
            return null;
        }
        int code = Integer.parseInt(part);
        return STATUS_CODES.contains(code) ? code : null;
    }
}
