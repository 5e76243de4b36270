package io.gwctl.validate.rules.destinationrule;

import static io.gwctl.validate.rules.common.RuleAssertions.assertNone;
import static io.gwctl.validate.rules.common.RuleAssertions.assertOne;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Istio {@code validateConnectionPool}; cases after {@code TestValidateConnectionPool}. */
class ConnectionPoolRuleTest {

    /** A DestinationRule whose connectionPool body starts on line 9. */
    private static String destinationRule(String pool) {
        return """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: reviews
                spec:
                  host: reviews
                  trafficPolicy:
                    connectionPool:
                """ + pool;
    }

    @Test
    void limitsAndKeepaliveAreAccepted() {
        String yaml = destinationRule("""
                      tcp: {maxConnections: 100, connectTimeout: 30ms}
                      http:
                        http1MaxPendingRequests: 0
                        maxRetries: 3
                        h2UpgradePolicy: UPGRADE
                        useClientProtocol: false
                        http2KeepAlive: {interval: 10s, timeout: 5s}
                """);
        assertNone(yaml, DestinationRuleCodes.CONNECTION_POOL);
    }

    @Test
    void emptyPoolIsReported() {
        assertOne(destinationRule("      {}\n"), DestinationRuleCodes.CONNECTION_POOL, 8,
                "connection pool must have at least one field");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http: {http1MaxPendingRequests: -1}  | http1 max pending requests must be non-negative",
            "http: {http2MaxRequests: -1}         | http2 max requests must be non-negative",
            "http: {maxRequestsPerConnection: -1} | max requests per connection must be non-negative",
            "http: {maxRetries: -1}               | max retries must be non-negative",
            "http: {maxConcurrentStreams: -1}     | max concurrent streams must be non-negative",
            "tcp: {maxConnections: -1}            | max connections must be non-negative",
            "'http: {h2UpgradePolicy: UPGRADE, useClientProtocol: true}' "
                    + "| use client protocol must not be true when H2UpgradePolicy is UPGRADE",
            "'http: {http2KeepAlive: {timeout: 5s}}'   | http2 keepalive interval is required",
            "'http: {http2KeepAlive: {interval: 5s}}'  | http2 keepalive timeout is required"})
    void invalidSettingIsReported(String setting, String message) {
        assertOne(destinationRule("      " + setting + "\n"), DestinationRuleCodes.CONNECTION_POOL, 9, message);
    }

    @Test
    void portLevelPoolIsChecked() {
        String yaml = """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: reviews
                spec:
                  host: reviews
                  trafficPolicy:
                    portLevelSettings:
                    - port: {number: 9080}
                      connectionPool:
                        tcp:
                          maxConnections: -5
                """;
        assertOne(yaml, DestinationRuleCodes.CONNECTION_POOL, 12, "max connections must be non-negative");
    }
}
