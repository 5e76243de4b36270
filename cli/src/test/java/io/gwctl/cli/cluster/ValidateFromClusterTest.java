package io.gwctl.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.gwctl.cli.CliRunner;
import io.gwctl.cli.CliRunner.Result;
import io.gwctl.cli.ExitCodes;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@EnableKubernetesMockClient(crud = true)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ValidateFromClusterTest {

    static final String GATEWAY = """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata:
              name: gw
              namespace: istio-system
            spec:
              selector:
                istio: ingressgateway
              servers:
              - port: {number: 80, name: http, protocol: HTTP}
                hosts: ["*.example.com"]
            """;

    static final String ROUTE_TO_MISSING_GATEWAY = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: web
              namespace: web
            spec:
              hosts: ["web.example.com"]
              gateways: ["istio-system/missing"]
              http:
              - route:
                - destination: {host: web}
            """;

    static final String ROUTE_TO_GATEWAY = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: web
              namespace: web
            spec:
              hosts: ["web.example.com"]
              gateways: ["istio-system/gw"]
              http:
              - route:
                - destination: {host: web}
            """;

    static final String SERVICE = """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
              namespace: web
            spec:
              selector: {app: web}
              ports:
              - {name: http, port: 80, targetPort: 8080}
            """;

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path dir;

    @Test
    void findingsOnLiveObjectsNameTheObjectInsteadOfALine() {
        MockCluster.create(client, GATEWAY + "---\n" + ROUTE_TO_MISSING_GATEWAY + "---\n" + SERVICE);
        Result r = CliRunner.run("--kubeconfig", MockCluster.kubeconfig(dir, server, "web").toString(),
                "validate", "--from-cluster");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.out()).as(r.toString())
                .contains("cluster:VirtualService/web/web: error ")
                .contains("VirtualService web/web: ")
                .contains("istio-system/missing")
                .as("a cluster is counted by its objects, not as a file")
                .endsWith("1 error, 1 warning, 0 infos in 3 resources from 3 cluster objects\n");
        assertThat(r.err()).as(r.toString()).isEmpty();
    }

    @Test
    void theDataSummaryCountsFilesAndClusterObjectsApart() throws IOException {
        MockCluster.create(client, GATEWAY + "---\n" + ROUTE_TO_MISSING_GATEWAY + "---\n" + SERVICE);
        Path fix = Files.writeString(dir.resolve("vs.yaml"), ROUTE_TO_GATEWAY);
        Result r = CliRunner.run("validate", "--from-cluster", "-f", fix.toString(), "-o", "json",
                "--kubeconfig", MockCluster.kubeconfig(dir, server, "web").toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).as(r.toString())
                .contains("\"resources\": 3,", "\"files\": 1,", "\"clusterObjects\": 2");
    }

    @Test
    void filesReplaceLiveObjectsOfTheSameKindNamespaceAndName() throws IOException {
        MockCluster.create(client, GATEWAY + "---\n" + ROUTE_TO_MISSING_GATEWAY + "---\n" + SERVICE);
        Path fix = Files.writeString(dir.resolve("vs.yaml"), ROUTE_TO_GATEWAY);
        Result r = CliRunner.run("validate", "--from-cluster", "-f", fix.toString(),
                "--kubeconfig", MockCluster.kubeconfig(dir, server, "web").toString());
        assertThat(r.exitCode()).as("the file's VirtualService replaces the broken live one: " + r).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).as(r.toString()).doesNotContain("missing")
                .as("the live VirtualService the file replaced is not counted")
                .endsWith(" in 3 resources from 1 file and 2 cluster objects\n");
    }

    @Test
    void findingsOfOtherNamespacesAreLeftOutUnlessAllNamespaces() {
        MockCluster.create(client, GATEWAY + "---\n" + ROUTE_TO_MISSING_GATEWAY + "---\n" + SERVICE);
        String kubeconfig = MockCluster.kubeconfig(dir, server, "web").toString();
        Result other = CliRunner.run("validate", "--from-cluster", "--kubeconfig", kubeconfig, "-n", "elsewhere");
        assertThat(other.exitCode()).as(other.toString()).isEqualTo(ExitCodes.OK);
        assertThat(other.out()).as(other.toString()).doesNotContain("VirtualService web/web");

        Result all = CliRunner.run("-A", "validate", "--from-cluster", "--kubeconfig", kubeconfig, "-n", "elsewhere");
        assertThat(all.exitCode()).as(all.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(all.out()).as(all.toString()).contains("cluster:VirtualService/web/web: error ");
    }

    @Test
    void theFilesOfKubeconfigAreMergedAsKubectlMergesThem() throws IOException {
        MockCluster.create(client, GATEWAY + "---\n" + ROUTE_TO_MISSING_GATEWAY + "---\n" + SERVICE);
        Path mock = MockCluster.kubeconfig(dir, server, "elsewhere");
        Path first = Files.writeString(dir.resolve("first"), """
                apiVersion: v1
                kind: Config
                current-context: web
                contexts:
                - name: web
                  context: {cluster: mock, user: tester, namespace: web}
                """);
        String kubeconfig = String.join(File.pathSeparator, dir.resolve("missing").toString(), first.toString(),
                mock.toString());

        Result r = CliRunner.runWithInput("", Map.of("NO_COLOR", "1", "KUBECONFIG", kubeconfig), "validate", "--from-cluster");

        assertThat(r.exitCode()).as("context web of the first file, on cluster mock of the second: " + r)
                .isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.out()).as("the first file's context sets the namespace reported on: " + r)
                .contains("cluster:VirtualService/web/web: error ");
    }
}
