package io.gwctl.model.legacy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Answer with a 301 redirect instead of forwarding ({@code HTTPRedirect} in route_rule.proto).
 *
 * @param uri       replacement path, or empty to keep it
 * @param authority replacement host, or empty to keep it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HttpRedirect(String uri, String authority) {

    public HttpRedirect {
        uri = ProtoDefaults.string(uri);
        authority = ProtoDefaults.string(authority);
    }
}
