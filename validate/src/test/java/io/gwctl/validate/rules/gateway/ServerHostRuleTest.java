package io.gwctl.validate.rules.gateway;

import static io.gwctl.validate.rules.gateway.Gateways.assertNone;
import static io.gwctl.validate.rules.gateway.Gateways.assertOne;
import static io.gwctl.validate.rules.gateway.Gateways.found;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Istio {@code validateServer} and {@code agent.ValidateNamespaceSlashWildcardHostname} (validation_test.go
 * TestValidateServer: "happy ip", "happy ns/name", "happy &#42;/name", "happy ./name", "invalid ~/name",
 * "invalid domain", "invalid short name host"; TestValidateGateway "invalid partial wildcard").
 */
class ServerHostRuleTest {

    /** A Gateway with one HTTP server whose hosts are {@code hosts}; the first host is on line 11. */
    private static String hosts(String... hosts) {
        StringBuilder list = new StringBuilder();
        for (String h : hosts) {
            list.append("  - \"").append(h).append("\"\n");
        }
        return Gateways.withServers("- hosts:\n" + list + "  port: {number: 80, name: http, protocol: HTTP}\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "*.example.com", "*", "Example.COM", "1.1.1.1",
            "ns1/foo.bar.com", "*/foo.bar.com", "./foo.bar.com", "ns1/*", "example.com."})
    void validHostsAreAccepted(String host) {
        String yaml = hosts(host);
        assertNone(yaml, GatewayCodes.HOST_NAME);
        assertNone(yaml, GatewayCodes.HOST_NAMESPACE);
    }

    @Test
    void missingHostsAreReportedAtTheServer() {
        String yaml = Gateways.withServers("- port: {number: 80, name: http, protocol: HTTP}\n");
        assertOne(yaml, GatewayCodes.HOSTS_REQUIRED, 10, "server config must contain at least one host");
    }

    @Test
    void emptyHostListIsReported() {
        String yaml = Gateways.withServers("""
                - port: {number: 80, name: http, protocol: HTTP}
                  hosts: []
                """);
        assertOne(yaml, GatewayCodes.HOSTS_REQUIRED, 11, "server config must contain at least one host");
    }

    @Test
    void shortNameIsReportedAtTheHost() {
        assertOne(hosts("example.com", "foo"), GatewayCodes.HOST_NAME, 12, "short names (non FQDN) are not allowed");
    }

    @Test
    void wildcardInsideTheNameIsAnInvalidLabelAndAPartialWildcard() {
        assertThat(found(hosts("foo.*.bar.com"), GatewayCodes.HOST_NAME)).containsExactlyInAnyOrder(
                "11 domain name \"foo.*.bar.com\" invalid (label \"*\" invalid)",
                "11 partial wildcard \"foo.*.bar.com\" not allowed");
    }

    @Test
    void partialWildcardIsReported() {
        assertOne(hosts("*bar.com"), GatewayCodes.HOST_NAME, 11, "partial wildcard \"*bar.com\" not allowed");
    }

    @Test
    void oneHostCanBreakSeveralRulesAtOnceAsInIstio() {
        assertThat(found(hosts("foo*"), GatewayCodes.HOST_NAME)).containsExactlyInAnyOrder(
                "11 short names (non FQDN) are not allowed",
                "11 domain name \"foo*\" invalid (label \"foo*\" invalid)",
                "11 partial wildcard \"foo*\" not allowed");
    }

    @Test
    void ipv6HostHasNoDotSoIstioCallsItAShortName() {
        assertOne(hosts("2001:db8::1"), GatewayCodes.HOST_NAME, 11, "short names (non FQDN) are not allowed");
    }

    @Test
    void allNumericTopLevelDomainIsReported() {
        assertOne(hosts("foo.123"), GatewayCodes.HOST_NAME, 11,
                "domain name \"foo.123\" invalid (top level domain \"123\" cannot be all-numeric)");
    }

    @Test
    void overlongNameIsReported() {
        String name = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + ".com";
        assertOne(hosts(name), GatewayCodes.HOST_NAME, 11, "domain name \"" + name + "\" too long (max 255)");
    }

    @Test
    void emptyNamespaceOrNameIsReported() {
        assertThat(found(hosts("/foo.bar.com"), GatewayCodes.HOST_NAMESPACE)).containsExactlyInAnyOrder(
                "11 config namespace and dnsName in host entry cannot be empty",
                "11 invalid namespace value \"\" in gateway");
        assertThat(found(hosts("ns1/"), GatewayCodes.HOST_NAMESPACE)).containsExactly(
                "11 config namespace and dnsName in host entry cannot be empty");
        assertThat(found(hosts("ns1/"), GatewayCodes.HOST_NAME)).containsExactlyInAnyOrder(
                "11 short names (non FQDN) are not allowed",
                "11 empty domain name not allowed");
    }

    @Test
    void invalidNamespaceIsReported() {
        assertOne(hosts("~/foo.bar.com"), GatewayCodes.HOST_NAMESPACE, 11, "invalid namespace value \"~\" in gateway");
        assertOne(hosts("my_ns/foo.bar.com"), GatewayCodes.HOST_NAMESPACE, 11,
                "invalid namespace value \"my_ns\" in gateway");
    }

    @Test
    void tildeNamespaceIsAcceptedOnGatewaysGeneratedFromTheGatewayApi() {
        String yaml = hosts("~/foo.bar.com").replace("  name: gw\n",
                "  name: gw\n  annotations:\n    internal.istio.io/gateway-semantics: gateway\n");
        assertNone(yaml, GatewayCodes.HOST_NAMESPACE);
    }

    @Test
    void domainErrorsApplyToTheNamePartOfNamespaceSlashName() {
        assertThat(found(hosts("ns1/foo.*.bar.com"), GatewayCodes.HOST_NAME)).containsExactlyInAnyOrder(
                "11 domain name \"foo.*.bar.com\" invalid (label \"*\" invalid)",
                "11 partial wildcard \"foo.*.bar.com\" not allowed");
    }
}
