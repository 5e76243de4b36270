package io.gwctl.proxy.http;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import io.envoyproxy.envoy.config.route.v3.FilterConfig;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.extensions.filters.http.cors.v3.CorsPolicy;
import io.envoyproxy.envoy.extensions.filters.http.fault.v3.HTTPFault;
import io.envoyproxy.envoy.type.v3.FractionalPercent;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The per-route configs of the HTTP filters that run before the router: the fault filter and CORS, looked up
 * on the route, then on its virtual host (the most specific wins, as Envoy's {@code mostSpecificPerFilterConfig}).
 * Unpacked once per config and cached.
 */
final class RouteFilters {

    static final String FAULT = "envoy.filters.http.fault";
    static final String CORS = "envoy.filters.http.cors";

    private static final ConcurrentHashMap<Any, Object> UNPACKED = new ConcurrentHashMap<>();
    private static final Object NONE = new Object();

    private RouteFilters() {
    }

    /** The route's fault injection, or null. */
    static HTTPFault fault(Route route, VirtualHost vh) {
        return config(route, vh, FAULT, HTTPFault.class);
    }

    /** The route's CORS policy, or null. */
    static CorsPolicy cors(Route route, VirtualHost vh) {
        return config(route, vh, CORS, CorsPolicy.class);
    }

    /** Whether a fraction of requests given by {@code percent} includes this one. */
    static boolean sampled(FractionalPercent percent) {
        long denominator = switch (percent.getDenominator()) {
            case TEN_THOUSAND -> 10_000;
            case MILLION -> 1_000_000;
            default -> 100;
        };
        return ThreadLocalRandom.current().nextLong(denominator) < percent.getNumerator();
    }

    private static <T extends com.google.protobuf.Message> T config(Route route, VirtualHost vh, String name,
            Class<T> type) {
        Any any = route.getTypedPerFilterConfigMap().get(name);
        if (any == null) {
            any = vh.getTypedPerFilterConfigMap().get(name);
        }
        if (any == null) {
            return null;
        }
        Object value = UNPACKED.computeIfAbsent(any, a -> unpack(a, type));
        return type.isInstance(value) ? type.cast(value) : null;
    }

    private static Object unpack(Any any, Class<? extends com.google.protobuf.Message> type) {
        try {
            if (any.is(FilterConfig.class)) {
                FilterConfig wrapper = any.unpack(FilterConfig.class);
                return wrapper.getConfig().is(type) ? wrapper.getConfig().unpack(type) : NONE;
            }
            return any.is(type) ? any.unpack(type) : NONE;
        } catch (InvalidProtocolBufferException e) {
            return NONE;
        }
    }
}
