package io.gwctl.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.tests.Gwctl.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's whole session with {@code gwctl run-gateway}: start it on a config, send traffic with curl, ask it
 * why, edit the config under it, stop it.
 */
@Timeout(180)
class RunGatewayJourneyIT {

    @TempDir
    Path work;

    @Test
    void theBundledHttpbinSampleAnswersWithTheRightHostOnly() throws Exception {
        Path sample = Gwctl.projectDir().resolve("samples/httpbin-gateway.yaml").toAbsolutePath();
        try (RunningGateway gw = RunningGateway.start(work, "-f", sample.toString(), "--sample-backends",
                "--port-map", "80=0", "--admin-address", "127.0.0.1:0")) {
            Curl.Reply ok = Curl.get(gw.url() + "/status/200", "-H", "Host: httpbin.example.com");
            assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
            assertThat(ok.header("x-backend-name")).isEqualTo("httpbin");
            assertThat(ok.header("server")).isEqualTo("istio-envoy");
            Curl.Reply delayed = Curl.get(gw.url() + "/delay/1", "-H", "Host: httpbin.example.com");
            assertThat(delayed.status()).isEqualTo(200);
            Curl.Reply h2 = Curl.get(gw.url() + "/status/418", "--http2-prior-knowledge", "-H",
                    "Host: httpbin.example.com");
            assertThat(h2.status()).as("HTTP/2 cleartext by prior knowledge").isEqualTo(418);
            assertThat(h2.headers()).startsWith("HTTP/2 418");
            Curl.Reply wrongHost = Curl.get(gw.url() + "/status/200");
            assertThat(wrongHost.status()).as("no virtual host matches the listener's own address").isEqualTo(404);

            Run trace = Gwctl.run(work, "", Map.of(), "proxy-config", "trace",
                    "http://httpbin.example.com:80/status/200", "-f", sample.toString());
            assertThat(trace.exitCode()).as(trace.toString()).isZero();
            assertThat(trace.out()).contains("outbound|8000||httpbin.default.svc.cluster.local");
            Run why404 = Gwctl.run(work, "", Map.of(), "proxy-config", "trace", "http://127.0.0.1:80/status/200",
                    "-f", sample.toString(), "-o", "json");
            assertThat(why404.out()).contains("\"error\": \"no-virtual-host\"");

            Run live = Gwctl.run(work, "", Map.of(), "proxy-config", "routes", "--admin", gw.admin());
            assertThat(live.exitCode()).as(live.toString()).isZero();
            assertThat(live.out()).contains("httpbin.example.com");
            Run offline = Gwctl.run(work, "", Map.of(), "proxy-config", "routes", "-f", sample.toString());
            assertThat(live.out()).as("the running gateway serves what proxy-config prints").isEqualTo(offline.out());

            assertThat(gw.output()).as("one access log line per request").contains("\"GET /status/200 HTTP/1.1\" 200 -")
                    .contains("\"GET /status/200 HTTP/1.1\" 404 NR");
            assertThat(gw.stop()).as("SIGTERM drains and exits 0\n" + gw.output() + gw.errors()).isZero();
        }
    }

    @Test
    void theConvertedIngressAndRouteRulesServeStatusAndAbortTheRest() throws Exception {
        Files.writeString(work.resolve("legacy.yaml"), SeedConfig.LEGACY);
        Files.writeString(work.resolve("service.yaml"), SeedConfig.SERVICE);
        Run convert = Gwctl.run(work, "", Map.of(), "convert", "-f", "legacy.yaml", "--output-file", "istio.yaml");
        assertThat(convert.exitCode()).as(convert.toString()).isZero();
        try (RunningGateway gw = RunningGateway.start(work, "-f", "istio.yaml", "-f", "service.yaml",
                "--sample-backends", "--port-map", "80=0", "--admin-address", "off")) {
            assertThat(Curl.get(gw.url() + "/status/200").status()).isEqualTo(200);
            Curl.Reply denied = Curl.get(gw.url() + "/headers");
            assertThat(denied.status()).as("the deny-route RouteRule became a fault abort").isEqualTo(403);
            assertThat(denied.body()).isEqualTo("fault filter abort");
        }
    }

    @Test
    void aBrokenEditIsRefusedAndTheLastGoodConfigKeepsServing() throws Exception {
        Path config = work.resolve("gateway.yaml");
        String good = Files.readString(Gwctl.projectDir().resolve("samples/httpbin-gateway.yaml"));
        Files.writeString(config, good);
        try (RunningGateway gw = RunningGateway.start(work, "-f", config.toString(), "--sample-backends",
                "--port-map", "80=0", "--admin-address", "off", "--access-log", "off")) {
            Files.writeString(config, good.replace("prefix: /status", "prefx: /status"));
            assertThat(gw.awaitOutput("keeps serving")).as(gw.output() + gw.errors()).isTrue();
            assertThat(gw.errors()).contains("gateway.yaml:").contains("unknown field \"prefx\"");
            assertThat(Curl.get(gw.url() + "/status/200", "-H", "Host: httpbin.example.com").status())
                    .as("the last good config still serves").isEqualTo(200);

            Files.writeString(config, good.replace("prefix: /delay", "prefix: /headers"));
            assertThat(gw.awaitOutput("reloaded")).as(gw.output()).isTrue();
            assertThat(Curl.get(gw.url() + "/headers", "-H", "Host: httpbin.example.com").status())
                    .as("the fixed config adds /headers").isEqualTo(200);
            assertThat(gw.stop()).isZero();
        }
    }

    @Test
    void aConfigWithErrorsIsNotServed() throws Exception {
        Path config = work.resolve("bad.yaml");
        Files.writeString(config, Files.readString(Gwctl.projectDir().resolve("samples/httpbin-gateway.yaml"))
                .replace("prefix: /status", "prefx: /status"));
        Run run = Gwctl.run(work, "", Map.of(), "run-gateway", "-f", config.toString(), "--port-map", "80=0",
                "--admin-address", "off");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("bad.yaml:").contains("unknown field \"prefx\"");
    }

    @Test
    void aTakenPortIsOneLineAndExitCode2() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Run run = Gwctl.run(work, "", Map.of(), "run-gateway", "-f",
                    Gwctl.projectDir().resolve("samples/httpbin-gateway.yaml").toAbsolutePath().toString(),
                    "--port-map", "80=" + taken.getLocalPort(), "--admin-address", "off");
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
            assertThat(run.err().strip()).as(run.toString()).doesNotContain("\n").contains("already in use");
        }
    }
}
