package io.gwctl.cli.commands.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.envoyproxy.envoy.admin.v3.ConfigDump;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.gwctl.cli.CliRunner;
import io.gwctl.cli.CliRunner.Result;
import io.gwctl.cli.ExitCodes;
import io.gwctl.translate.envoy.dump.EnvoyJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gwctl proxy-config} on the classic httpbin Gateway + VirtualService: istioctl's tables, Envoy's own
 * JSON (every array element parses back into its proto type), config dumps both ways, and {@code trace}.
 */
class ProxyConfigCommandTest {

    private static final String HTTPBIN = """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: httpbin-gateway, namespace: default}
            spec:
              selector: {istio: ingressgateway}
              servers:
              - port: {number: 80, name: http, protocol: HTTP}
                hosts: ["httpbin.example.com"]
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: httpbin, namespace: default}
            spec:
              hosts: ["httpbin.example.com"]
              gateways: [httpbin-gateway]
              http:
              - match:
                - uri: {prefix: /status}
                - uri: {prefix: /delay}
                route:
                - destination: {host: httpbin, port: {number: 8000}}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: httpbin, namespace: default}
            spec:
              selector: {app: httpbin}
              ports: [{name: http, port: 8000}]
            """;

    @TempDir
    Path dir;

    private String config() throws IOException {
        return Files.writeString(dir.resolve("httpbin.yaml"), HTTPBIN).toString();
    }

    @Test
    void routesTable() throws IOException {
        Result r = CliRunner.run("proxy-config", "routes", "-f", config());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).as(r.toString()).isEqualTo("""
                NAME        VHOST NAME                 DOMAINS                 MATCH        VIRTUAL SERVICE
                http.80     httpbin.example.com:80     httpbin.example.com     /status*     httpbin.default
                http.80     httpbin.example.com:80     httpbin.example.com     /delay*      httpbin.default
                """);
    }

    @Test
    void globalNamespaceIsTheNamespaceOfObjectsThatSetNone() throws IOException {
        String config = Files.writeString(dir.resolve("unscoped.yaml"), HTTPBIN.replace(", namespace: default", "")).toString();
        Result after = CliRunner.run("proxy-config", "routes", "-f", config, "-n", "shop");
        Result before = CliRunner.run("-n", "shop", "proxy-config", "routes", "-f", config);
        assertThat(after.out()).as(after.toString()).contains("httpbin.shop");
        assertThat(before.out()).as("-n before the subcommand means the same: " + before).isEqualTo(after.out());
    }

    @Test
    void jsonIsEnvoysOwnAndParsesBackIntoTheProto() throws IOException {
        Result r = CliRunner.run("pc", "routes", "-f", config(), "-o", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        String element = r.out().substring(1, r.out().lastIndexOf(']'));
        RouteConfiguration.Builder parsed = RouteConfiguration.newBuilder();
        EnvoyJson.merge(element, parsed);
        assertThat(parsed.getName()).isEqualTo("http.80");
        assertThat(parsed.getVirtualHosts(0).getRoutes(0).getRoute().getCluster())
                .isEqualTo("outbound|8000||httpbin.default.svc.cluster.local");
    }

    @Test
    void aConfigDumpReadsBackAsTheSameTables() throws IOException {
        Result dump = CliRunner.run("pc", "all", "-f", config(), "-o", "json");
        assertThat(dump.exitCode()).as(dump.toString()).isZero();
        ConfigDump.Builder parsed = ConfigDump.newBuilder();
        EnvoyJson.merge(dump.out(), parsed);
        assertThat(parsed.getConfigsCount()).isEqualTo(5);

        Path file = Files.writeString(dir.resolve("config_dump.json"), dump.out());
        Result fromDump = CliRunner.run("pc", "routes", "--file", file.toString());
        assertThat(fromDump.out()).as(fromDump.toString()).isEqualTo(CliRunner.run("pc", "routes", "-f", config()).out());
    }

    @Test
    void traceSaysWhereARequestGoesAndWhyNot() throws IOException {
        Result ok = CliRunner.run("pc", "trace", "http://httpbin.example.com/status/200", "-f", config());
        assertThat(ok.exitCode()).as(ok.toString()).isZero();
        assertThat(ok.out()).as(ok.toString())
                .contains("virtual host:  httpbin.example.com:80\n")
                .endsWith("result:        cluster outbound|8000||httpbin.default.svc.cluster.local\n");

        Result noHost = CliRunner.run("pc", "trace", "http://other.example.com/status/200", "-f", config(), "-o", "json");
        assertThat(noHost.exitCode()).as(noHost.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(noHost.out()).as(noHost.toString()).contains("\"error\": \"no-virtual-host\"")
                .contains("\"routeConfig\": \"http.80\"").contains("\"virtualHost\": null")
                .contains("does not match host other.example.com");

        Result noRoute = CliRunner.run("pc", "trace", "http://httpbin.example.com/headers", "-f", config());
        assertThat(noRoute.out()).as(noRoute.toString()).endsWith("result:        error no-route (Envoy answers 404)\n");
    }

    @Test
    void badInvocationsAreOneLine() throws IOException {
        Result neither = CliRunner.run("pc", "routes");
        assertThat(neither.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(neither.err()).isEqualTo("Error: give one of -f PATH (Istio config), --from-cluster (live Istio config,"
                + " with -f PATH applied over it), --file DUMP (an Envoy config dump) or --admin URL (a running gateway)\n");

        Path notADump = Files.writeString(dir.resolve("x.json"), "{\"kind\": \"Gateway\"}");
        Result bad = CliRunner.run("pc", "clusters", "--file", notADump.toString());
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(bad.err()).isEqualTo("Error: " + notADump + ": not an Envoy config dump: no \"configs\" array at the top level\n");

        Result badUrl = CliRunner.run("pc", "trace", "ftp://x/", "-f", config());
        assertThat(badUrl.exitCode()).isEqualTo(ExitCodes.USAGE);
    }
}
