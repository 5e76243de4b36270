package io.gwctl.validate.rules.virtualservice;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequest;
import io.fabric8.istio.api.api.networking.v1alpha3.IsStringMatchMatchType;
import io.fabric8.istio.api.api.networking.v1alpha3.L4MatchAttributes;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatch;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchExact;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchPrefix;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchRegex;
import io.fabric8.istio.api.api.networking.v1alpha3.TLSMatchAttributes;
import io.gwctl.validate.diagnostic.GoFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A canonical text for a match, equal for two matches exactly when Istio's {@code asJSON} (virtualservice
 * analysis in pkg/config/validation/validation.go) gives them the same JSON: the protobuf JSON form, where an
 * unset scalar, an empty list or map and a zero value are all left out, a message that is set is kept even
 * when empty ({@code uri: {}}), a string match keeps its kind even with an empty value, and map keys are
 * sorted. An HTTP match's {@code name} is left out, so renaming a match does not hide a duplicate.
 */
final class MatchKeys {

    /** The key of a match that is null in the list. */
    static final String NULL = "null";

    private MatchKeys() {
    }

    static String of(HTTPMatchRequest m) {
        if (m == null) {
            return NULL;
        }
        return new Key()
                .match("uri", m.getUri())
                .match("scheme", m.getScheme())
                .match("method", m.getMethod())
                .match("authority", m.getAuthority())
                .matches("headers", m.getHeaders())
                .number("port", m.getPort())
                .labels("sourceLabels", m.getSourceLabels())
                .texts("gateways", m.getGateways())
                .matches("queryParams", m.getQueryParams())
                .flag("ignoreUriCase", m.getIgnoreUriCase())
                .matches("withoutHeaders", m.getWithoutHeaders())
                .text("sourceNamespace", m.getSourceNamespace())
                .text("statPrefix", m.getStatPrefix())
                .toString();
    }

    static String of(L4MatchAttributes m) {
        if (m == null) {
            return NULL;
        }
        return new Key()
                .texts("destinationSubnets", m.getDestinationSubnets())
                .number("port", m.getPort())
                .text("sourceSubnet", m.getSourceSubnet())
                .labels("sourceLabels", m.getSourceLabels())
                .texts("gateways", m.getGateways())
                .text("sourceNamespace", m.getSourceNamespace())
                .toString();
    }

    static String of(TLSMatchAttributes m) {
        if (m == null) {
            return NULL;
        }
        return new Key()
                .texts("sniHosts", m.getSniHosts())
                .texts("destinationSubnets", m.getDestinationSubnets())
                .number("port", m.getPort())
                .labels("sourceLabels", m.getSourceLabels())
                .texts("gateways", m.getGateways())
                .text("sourceNamespace", m.getSourceNamespace())
                .toString();
    }

    /** A JSON-like object written field by field, leaving out what protobuf JSON leaves out. */
    private static final class Key {

        private final StringBuilder out = new StringBuilder("{");

        Key text(String name, String value) {
            return value == null || value.isEmpty() ? this : put(name, GoFormat.quote(value));
        }

        Key number(String name, Number value) {
            return value == null || value.longValue() == 0 ? this : put(name, Long.toString(value.longValue()));
        }

        Key flag(String name, Boolean value) {
            return value == null || !value ? this : put(name, "true");
        }

        Key texts(String name, List<String> values) {
            if (values == null || values.isEmpty()) {
                return this;
            }
            return put(name, "[" + String.join(",", values.stream()
                    .map(v -> v == null ? NULL : GoFormat.quote(v)).toList()) + "]");
        }

        Key labels(String name, Map<String, String> values) {
            if (values == null || values.isEmpty()) {
                return this;
            }
            return put(name, object(values, v -> GoFormat.quote(v == null ? "" : v)));
        }

        Key match(String name, StringMatch value) {
            return value == null ? this : put(name, stringMatch(value));
        }

        Key matches(String name, Map<String, StringMatch> values) {
            if (values == null || values.isEmpty()) {
                return this;
            }
            return put(name, object(values, v -> v == null ? "{}" : stringMatch(v)));
        }

        /** A map as a JSON object with its keys sorted, as protobuf JSON writes maps. */
        private static <V> String object(Map<String, V> values, Function<V, String> value) {
            TreeMap<String, String> sorted = new TreeMap<>();
            values.forEach((k, v) -> sorted.put(k == null ? "" : k, value.apply(v)));
            StringBuilder map = new StringBuilder("{");
            sorted.forEach((k, v) ->
                    map.append(map.length() > 1 ? "," : "").append(GoFormat.quote(k)).append(':').append(v));
            return map.append('}').toString();
        }

        private static String stringMatch(StringMatch match) {
            IsStringMatchMatchType type = match.getMatchType();
            if (type instanceof StringMatchExact exact) {
                return "{\"exact\":" + GoFormat.quote(ZeroValues.text(exact.getExact())) + "}";
            }
            if (type instanceof StringMatchPrefix prefix) {
                return "{\"prefix\":" + GoFormat.quote(ZeroValues.text(prefix.getPrefix())) + "}";
            }
            if (type instanceof StringMatchRegex regex) {
                return "{\"regex\":" + GoFormat.quote(ZeroValues.text(regex.getRegex())) + "}";
            }
            return "{}";
        }

        private Key put(String name, String value) {
            out.append(out.length() > 1 ? "," : "").append('"').append(name).append("\":").append(value);
            return this;
        }

        @Override
        public String toString() {
            return out + "}";
        }
    }
}
