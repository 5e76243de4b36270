package io.gwctl.model.legacy;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * Cross-origin resource sharing settings ({@code CorsPolicy} in route_rule.proto).
 *
 * @param allowOrigin      origins allowed, as exact strings
 * @param allowMethods     methods allowed ({@code Access-Control-Allow-Methods})
 * @param allowHeaders     request headers allowed ({@code Access-Control-Allow-Headers})
 * @param exposeHeaders    response headers exposed ({@code Access-Control-Expose-Headers})
 * @param maxAge           how long a preflight answer may be cached, as written ({@code 300s}), or null
 * @param allowCredentials {@code Access-Control-Allow-Credentials}; null when not written (a
 *                         {@code google.protobuf.BoolValue})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CorsPolicy(
        @JsonAlias("allow_origin") List<String> allowOrigin,
        @JsonAlias("allow_methods") List<String> allowMethods,
        @JsonAlias("allow_headers") List<String> allowHeaders,
        @JsonAlias("expose_headers") List<String> exposeHeaders,
        @JsonAlias("max_age") String maxAge,
        @JsonAlias("allow_credentials") Boolean allowCredentials) {

    public CorsPolicy {
        allowOrigin = ProtoDefaults.list(allowOrigin);
        allowMethods = ProtoDefaults.list(allowMethods);
        allowHeaders = ProtoDefaults.list(allowHeaders);
        exposeHeaders = ProtoDefaults.list(exposeHeaders);
    }
}
