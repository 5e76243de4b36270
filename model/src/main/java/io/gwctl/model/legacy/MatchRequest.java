package io.gwctl.model.legacy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/**
 * HTTP attributes a request must have ({@code MatchRequest} in route_rule.proto). Header names are
 * lower case; {@code uri}, {@code scheme}, {@code method} and {@code authority} name the request's own
 * attributes rather than headers.
 *
 * @param headers header name to how its value is matched
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MatchRequest(Map<String, StringMatch> headers) {

    public MatchRequest {
        headers = ProtoDefaults.map(headers);
    }
}
