package io.gwctl.translate.envoy.route;

import io.envoyproxy.envoy.config.core.v3.HeaderValue;
import io.envoyproxy.envoy.config.core.v3.HeaderValueOption;
import io.fabric8.istio.api.api.networking.v1alpha3.Headers;
import io.fabric8.istio.api.api.networking.v1alpha3.HeadersHeaderOperations;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Header manipulation as pilot's {@code TranslateHeadersOperations}: {@code set} entries overwrite
 * ({@code OVERWRITE_IF_EXISTS_OR_ADD}) and come first, {@code add} entries append ({@code APPEND_IF_EXISTS_OR_ADD});
 * each group sorted by name; pseudo-headers and {@code host} are dropped, a request {@code :authority}/{@code host}
 * becoming the authority rewrite ({@code set} winning over {@code add}).
 */
record HeaderOperations(List<HeaderValueOption.Builder> requestAdd, List<HeaderValueOption.Builder> responseAdd,
        List<String> requestRemove, List<String> responseRemove, String authority) {

    static HeaderOperations of(Headers headers) {
        HeadersHeaderOperations req = headers == null ? null : headers.getRequest();
        HeadersHeaderOperations resp = headers == null ? null : headers.getResponse();
        String[] authority = {"", ""};
        List<HeaderValueOption.Builder> requestAdd = new ArrayList<>(options(req == null ? null : req.getSet(), false, authority, 0));
        requestAdd.addAll(options(req == null ? null : req.getAdd(), true, authority, 1));
        List<HeaderValueOption.Builder> responseAdd = new ArrayList<>(options(resp == null ? null : resp.getSet(), false, null, 0));
        responseAdd.addAll(options(resp == null ? null : resp.getAdd(), true, null, 0));
        return new HeaderOperations(requestAdd, responseAdd, removals(req), removals(resp),
                authority[0].isEmpty() ? authority[1] : authority[0]);
    }

    private static List<HeaderValueOption.Builder> options(Map<String, String> headers, boolean append,
            String[] authority, int slot) {
        List<HeaderValueOption.Builder> out = new ArrayList<>();
        if (headers == null) {
            return out;
        }
        headers.forEach((key, value) -> {
            if (key == null) {
                return;
            }
            String v = value == null ? "" : value;
            if (authority != null && (key.equalsIgnoreCase(":authority") || key.equalsIgnoreCase("host"))) {
                authority[slot] = v;
            }
            if (internal(key)) {
                return;
            }
            out.add(HeaderValueOption.newBuilder()
                    .setHeader(HeaderValue.newBuilder().setKey(key).setValue(v))
                    .setAppendAction(append ? HeaderValueOption.HeaderAppendAction.APPEND_IF_EXISTS_OR_ADD
                            : HeaderValueOption.HeaderAppendAction.OVERWRITE_IF_EXISTS_OR_ADD));
        });
        out.sort(Comparator.comparing(o -> o.getHeader().getKey()));
        return out;
    }

    private static List<String> removals(HeadersHeaderOperations ops) {
        List<String> out = new ArrayList<>();
        if (ops != null && ops.getRemove() != null) {
            for (String k : ops.getRemove()) {
                if (k != null && !internal(k)) {
                    out.add(k);
                }
            }
        }
        return out;
    }

    /** {@code isInternalHeader}: pseudo-headers and {@code host}, which Envoy cannot modify. */
    private static boolean internal(String key) {
        return key.startsWith(":") || key.toLowerCase(Locale.ROOT).equals("host");
    }
}
