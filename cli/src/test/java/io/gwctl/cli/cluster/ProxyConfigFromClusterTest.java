package io.gwctl.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.gwctl.cli.CliRunner;
import io.gwctl.cli.CliRunner.Result;
import io.gwctl.cli.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@EnableKubernetesMockClient(crud = true)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProxyConfigFromClusterTest {

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path dir;

    @BeforeEach
    void createObjects() {
        MockCluster.create(client, ValidateFromClusterTest.GATEWAY + "---\n" + ValidateFromClusterTest.ROUTE_TO_GATEWAY
                + "---\n" + ValidateFromClusterTest.SERVICE);
    }

    @Test
    void routesAreRenderedFromTheLiveConfig() {
        Result r = CliRunner.run("proxy-config", "routes", "--from-cluster", "--kubeconfig", kubeconfig());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).as(r.toString()).contains("web.example.com").contains("web.web");
    }

    @Test
    void filesAreAppliedOverTheLiveConfig() throws IOException {
        Path moved = Files.writeString(dir.resolve("vs.yaml"),
                ValidateFromClusterTest.ROUTE_TO_GATEWAY.replace("web.example.com", "www.example.com"));
        Result r = CliRunner.run("proxy-config", "routes", "--from-cluster", "-f", moved.toString(), "--kubeconfig", kubeconfig());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).as(r.toString()).contains("www.example.com").doesNotContain("web.example.com");
    }

    @Test
    void fromClusterExcludesTheOtherSources() {
        Result r = CliRunner.run("proxy-config", "routes", "--from-cluster", "--admin", "http://127.0.0.1:1", "--kubeconfig", kubeconfig());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).as(r.toString()).contains("give one of -f PATH");
    }

    private String kubeconfig() {
        return MockCluster.kubeconfig(dir, server, "web").toString();
    }
}
