package io.gwctl.model.legacy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Rewrite the request before forwarding it ({@code HTTPRewrite} in route_rule.proto).
 *
 * @param uri       replacement for the matched path prefix, or empty
 * @param authority replacement Host/Authority header, or empty
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HttpRewrite(String uri, String authority) {

    public HttpRewrite {
        uri = ProtoDefaults.string(uri);
        authority = ProtoDefaults.string(authority);
    }
}
