package io.gwctl.model.legacy;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * TCP or UDP attributes of a connection ({@code L4MatchAttributes} in route_rule.proto).
 *
 * @param sourceSubnet      IPv4 addresses or CIDR blocks the connection comes from
 * @param destinationSubnet IPv4 addresses or CIDR blocks it goes to
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record L4MatchAttributes(
        @JsonAlias("source_subnet") List<String> sourceSubnet,
        @JsonAlias("destination_subnet") List<String> destinationSubnet) {

    public L4MatchAttributes {
        sourceSubnet = ProtoDefaults.list(sourceSubnet);
        destinationSubnet = ProtoDefaults.list(destinationSubnet);
    }
}
