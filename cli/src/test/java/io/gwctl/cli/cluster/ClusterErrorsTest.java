package io.gwctl.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.gwctl.cli.CliRunner;
import io.gwctl.cli.CliRunner.Result;
import io.gwctl.cli.ExitCodes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees when the cluster cannot be read: one line on stderr, exit 2, nothing on stdout. */
@EnableKubernetesMockClient
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClusterErrorsTest {

    /** The first page of Gateways, as {@link ClusterReader} asks for it. */
    private static final String GATEWAYS = "/apis/networking.istio.io/v1/gateways?limit=" + ClusterReader.CHUNK_SIZE;

    KubernetesMockServer server;

    @TempDir
    Path dir;

    @Test
    void noKubeconfigAnywhere() {
        Result r = CliRunner.runWithInput("", Map.of("NO_COLOR", "1", "HOME", dir.toString()), "validate", "--from-cluster");
        assertOneLine(r, "Error: no kubeconfig: give --kubeconfig FILE, set KUBECONFIG, or create "
                + dir.resolve(".kube/config"));
    }

    @Test
    void kubeconfigFromTheEnvironmentIsRead() {
        Path kubeconfig = MockCluster.kubeconfig(dir, server, "web");
        Result r = CliRunner.runWithInput("", Map.of("NO_COLOR", "1", "KUBECONFIG", kubeconfig.toString()),
                "validate", "--from-cluster");
        assertThat(r.err()).as("the server answered, so the kubeconfig of KUBECONFIG was read: " + r)
                .contains("Istio's CRDs are not installed");
    }

    @Test
    void unknownContext() {
        Path kubeconfig = MockCluster.kubeconfig(dir, server, "web");
        Result r = CliRunner.run("validate", "--from-cluster", "--kubeconfig", kubeconfig.toString(), "--context", "prod");
        assertOneLine(r, "Error: kubeconfig " + kubeconfig + " has no context prod");
    }

    @Test
    void unreachableApiServer() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path kubeconfig = MockCluster.kubeconfig(dir, "https://127.0.0.1:" + port, "web");
        Result r = CliRunner.run("validate", "--from-cluster", "--kubeconfig", kubeconfig.toString());
        assertOneLine(r, "Error: cannot reach the API server https://127.0.0.1:" + port + "/ of context mock: connection refused");
    }

    @Test
    void credentialsRefused() {
        server.expect().get().withPath(GATEWAYS).andReturn(401, status(401, "Unauthorized")).always();
        Result r = CliRunner.run("validate", "--from-cluster", "--kubeconfig", kubeconfig());
        assertOneLine(r, "Error: the API server " + server.url("/") + " does not accept the credentials of context mock"
                + " (401 Unauthorized); log in again or check the kubeconfig's user");
    }

    @Test
    void forbidden() {
        server.expect().get().withPath(GATEWAYS).andReturn(403, status(403, "gateways.networking.istio.io is forbidden:"
                + " User \"dev\" cannot list resource \"gateways\" in API group \"networking.istio.io\" at the cluster scope"))
                .always();
        Result r = CliRunner.run("validate", "--from-cluster", "--kubeconfig", kubeconfig());
        assertOneLine(r, "Error: forbidden: cannot list gateways.networking.istio.io in all namespaces (403):"
                + " gateways.networking.istio.io is forbidden: User \"dev\" cannot list resource \"gateways\""
                + " in API group \"networking.istio.io\" at the cluster scope");
    }

    @Test
    void istioCrdsNotInstalled() {
        Result r = CliRunner.run("validate", "--from-cluster", "--kubeconfig", kubeconfig());
        assertOneLine(r, "Error: the cluster does not serve networking.istio.io Gateway (404 for v1, v1beta1, v1alpha3):"
                + " Istio's CRDs are not installed");
    }

    @Test
    void serverError() {
        server.expect().get().withPath(GATEWAYS).andReturn(500, status(500, "etcdserver: request timed out")).always();
        Result r = CliRunner.run("validate", "--from-cluster", "--kubeconfig", kubeconfig());
        assertOneLine(r, "Error: the API server " + server.url("/") + " answered 500 to list gateways.networking.istio.io"
                + " in all namespaces: etcdserver: request timed out");
    }

    private String kubeconfig() {
        return MockCluster.kubeconfig(dir, server, "web").toString();
    }

    private static io.fabric8.kubernetes.api.model.Status status(int code, String message) {
        return new StatusBuilder().withCode(code).withMessage(message).withStatus("Failure").build();
    }

    private static void assertOneLine(Result r, String line) {
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).as(r.toString()).isEqualTo(line + "\n");
        assertThat(r.out()).as(r.toString()).isEmpty();
    }
}
