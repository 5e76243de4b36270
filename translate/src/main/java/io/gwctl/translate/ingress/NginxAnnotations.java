package io.gwctl.translate.ingress;

import io.fabric8.istio.api.api.networking.v1alpha3.CorsPolicy;
import io.fabric8.istio.api.api.networking.v1alpha3.CorsPolicyBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRewrite;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRewriteBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatch;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchExact;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchRegex;
import io.gwctl.model.resource.Resource;
import io.gwctl.translate.convert.Notifications;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The ingress-nginx annotations ({@code nginx.ingress.kubernetes.io/*}) that have a VirtualService or
 * Gateway equivalent, read the way ingress2gateway's ingress-nginx provider reads them; every other
 * annotation gets a WARN, since Istio ignores it and the behaviour it asked for is lost.
 *
 * @param rewrite       {@code rewrite-target} (without capture groups) as {@code rewrite.uri}
 * @param timeout       the larger of {@code proxy-read-timeout} and {@code proxy-send-timeout} (seconds)
 * @param cors          {@code enable-cors} and the {@code cors-*} settings, with nginx's defaults
 * @param httpsRedirect {@code ssl-redirect} or {@code force-ssl-redirect} set to {@code true}
 */
record NginxAnnotations(HTTPRewrite rewrite, String timeout, CorsPolicy cors, boolean httpsRedirect) {

    static final String PREFIX = "nginx.ingress.kubernetes.io/";
    static final String CLASS_ANNOTATION = "kubernetes.io/ingress.class";

    /** Annotations that say nothing about routing. */
    private static final Set<String> NEUTRAL = Set.of(CLASS_ANNOTATION,
            "kubectl.kubernetes.io/last-applied-configuration");

    private static final Set<String> CORS = Set.of("enable-cors", "cors-allow-origin", "cors-allow-methods",
            "cors-allow-headers", "cors-expose-headers", "cors-allow-credentials", "cors-max-age");

    static NginxAnnotations read(Resource ingress, Map<String, String> annotations, Notifications notes) {
        HTTPRewrite rewrite = null;
        long timeoutSeconds = 0;
        boolean httpsRedirect = false;
        for (Map.Entry<String, String> e : annotations.entrySet()) {
            String key = e.getKey();
            String value = e.getValue() == null ? "" : e.getValue().trim();
            String at = "metadata.annotations[\"" + key + "\"]";
            String nginx = key.startsWith(PREFIX) ? key.substring(PREFIX.length()) : null;
            if (NEUTRAL.contains(key) || nginx != null && CORS.contains(nginx)) {
                continue;
            }
            if (nginx == null) {
                notes.warn(ingress, at, "annotation " + key + " has no Istio equivalent and is not converted");
                continue;
            }
            switch (nginx) {
                case "rewrite-target" -> {
                    if (value.contains("$")) {
                        notes.warn(ingress, at, "rewrite-target with capture groups (" + value
                                + ") has no VirtualService equivalent; not converted");
                    } else {
                        rewrite = new HTTPRewriteBuilder().withUri(value).build();
                        notes.info(ingress, at, "converted to rewrite.uri \"" + value
                                + "\" (Istio replaces the matched prefix)");
                    }
                }
                case "ssl-redirect", "force-ssl-redirect" -> {
                    if ("true".equals(value)) {
                        httpsRedirect = true;
                        notes.info(ingress, at, "converted to httpsRedirect on the Gateway's HTTP server");
                    }
                }
                case "backend-protocol" -> backendProtocol(ingress, at, value.toUpperCase(Locale.ROOT), notes);
                case "proxy-read-timeout", "proxy-send-timeout" -> {
                    if (value.matches("[0-9]{1,9}")) {
                        timeoutSeconds = Math.max(timeoutSeconds, Long.parseLong(value));
                        notes.info(ingress, at, "converted to the route timeout (the whole request, not "
                                + "between reads or writes)");
                    } else {
                        notes.warn(ingress, at, "timeout \"" + value + "\" is not a number of seconds; not converted");
                    }
                }
                default -> notes.warn(ingress, at, "annotation " + key + " has no VirtualService equivalent "
                        + "and is not converted");
            }
        }
        return new NginxAnnotations(rewrite, timeoutSeconds > 0 ? timeoutSeconds + "s" : null,
                cors(annotations), httpsRedirect);
    }

    private static void backendProtocol(Resource ingress, String at, String protocol, Notifications notes) {
        switch (protocol) {
            case "GRPC", "GRPCS" -> notes.warn(ingress, at, "Istio picks the protocol from the Service port: "
                    + "name it grpc-* or set appProtocol: grpc");
            case "HTTPS" -> notes.warn(ingress, at, "Istio originates TLS to a backend through a DestinationRule "
                    + "with trafficPolicy.tls.mode SIMPLE; none was generated");
            case "HTTP", "" -> {
            }
            default -> notes.warn(ingress, at, "backend-protocol " + protocol + " is not converted");
        }
    }

    private static CorsPolicy cors(Map<String, String> annotations) {
        if (!"true".equals(get(annotations, "enable-cors"))) {
            return null;
        }
        String origin = get(annotations, "cors-allow-origin");
        List<StringMatch> origins = origin == null || origin.isBlank() || origin.trim().equals("*")
                ? List.of(new StringMatch(new StringMatchRegex(".*")))
                : split(origin).stream().map(o -> new StringMatch(new StringMatchExact(o))).toList();
        String maxAge = get(annotations, "cors-max-age");
        return new CorsPolicyBuilder()
                .withAllowOrigins(origins)
                .withAllowMethods(split(orDefault(get(annotations, "cors-allow-methods"),
                        "GET, PUT, POST, DELETE, PATCH, OPTIONS")))
                .withAllowHeaders(split(orDefault(get(annotations, "cors-allow-headers"),
                        "DNT,Keep-Alive,User-Agent,X-Requested-With,If-Modified-Since,Cache-Control,Content-Type,"
                                + "Range,Authorization")))
                .withExposeHeaders(split(orDefault(get(annotations, "cors-expose-headers"), "")))
                .withAllowCredentials(!"false".equals(get(annotations, "cors-allow-credentials")))
                .withMaxAge(orDefault(maxAge, "1728000").matches("[0-9]{1,9}") ? orDefault(maxAge, "1728000") + "s"
                        : null)
                .build();
    }

    private static String get(Map<String, String> annotations, String key) {
        return annotations.get(PREFIX + key);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
