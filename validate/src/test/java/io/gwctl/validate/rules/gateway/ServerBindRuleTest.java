package io.gwctl.validate.rules.gateway;

import static io.gwctl.validate.rules.gateway.Gateways.assertNone;
import static io.gwctl.validate.rules.gateway.Gateways.assertOne;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Istio {@code validateServerBind} and {@code ValidateUnixAddress} (validation_test.go TestValidateServer:
 * "bind ip", "bind unix path", "bind unix path with invalid port", "bind bad ip").
 */
class ServerBindRuleTest {

    /** One server with {@code bind} on line 12 and port {@code number} on line 11. */
    private static String bound(String bind, int number) {
        return Gateways.withServers("""
                - hosts: ["foo.bar.com"]
                  port: {number: %d, name: http, protocol: HTTP}
                  bind: "%s"
                """.formatted(number, bind));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "0.0.0.0", "::", "2001:db8::1"})
    void ipAddressesAreAccepted(String bind) {
        assertNone(bound(bind, 80), GatewayCodes.BIND_IP);
    }

    @Test
    void hostNameIsNotAnIp() {
        assertOne(bound("foo.bar", 80), GatewayCodes.BIND_IP, 12, "foo.bar is not a valid IP");
    }

    @ParameterizedTest
    @ValueSource(strings = {"unix:///var/run/gw.sock", "unix://@foobar"})
    void unixSocketsWithPortZeroAreAccepted(String bind) {
        assertNone(bound(bind, 0), GatewayCodes.BIND_UNIX);
    }

    @Test
    void emptyUnixAddressIsReported() {
        assertOne(bound("unix://", 0), GatewayCodes.BIND_UNIX, 12, "unix address must not be empty");
    }

    @Test
    void relativeOrDirectorySocketPathIsReported() {
        assertOne(bound("unix://var/run/gw.sock", 0), GatewayCodes.BIND_UNIX, 12,
                "var/run/gw.sock is not an absolute path to a file");
        assertOne(bound("unix:///var/run/", 0), GatewayCodes.BIND_UNIX, 12,
                "/var/run/ is not an absolute path to a file");
    }

    @Test
    void unixSocketWithAPortNumberIsReportedAtTheNumber() {
        assertOne(bound("unix://@foobar", 7), GatewayCodes.BIND_UNIX, 11,
                "port number must be 0 for unix domain socket: number:7 protocol:\"HTTP\" name:\"http\"");
    }
}
