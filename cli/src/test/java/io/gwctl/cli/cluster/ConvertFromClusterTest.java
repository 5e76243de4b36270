package io.gwctl.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.gwctl.cli.CliRunner;
import io.gwctl.cli.CliRunner.Result;
import io.gwctl.cli.ExitCodes;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@EnableKubernetesMockClient(crud = true)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConvertFromClusterTest {

    private static final String INGRESSES = """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: web
              namespace: web
            spec:
              ingressClassName: istio
              rules:
              - host: web.example.com
                http:
                  paths:
                  - path: /
                    pathType: Prefix
                    backend:
                      service:
                        name: web
                        port: {name: http}
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: shop
              namespace: shop
            spec:
              ingressClassName: istio
              rules:
              - host: shop.example.com
                http:
                  paths:
                  - path: /
                    pathType: Prefix
                    backend:
                      service:
                        name: shop
                        port: {number: 8080}
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: web
              namespace: web
            spec:
              selector: {app: web}
              ports:
              - {name: http, port: 8000, targetPort: 8080}
            """;

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path dir;

    @BeforeEach
    void createObjects() {
        MockCluster.create(client, INGRESSES);
    }

    @Test
    void convertsTheIngressesOfTheContextNamespaceResolvingNamedPortsFromLiveServices() {
        Result r = CliRunner.run("convert", "ingress", "--from-cluster", "--kubeconfig", kubeconfig());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).as(r.toString())
                .contains("web.example.com")
                .as("the port named http of the live Service web/web is 8000: " + r).contains("number: 8000")
                .as("shop is in another namespace: " + r).doesNotContain("shop.example.com");
    }

    @Test
    void allNamespacesConvertsEveryIngress() {
        Result r = CliRunner.run("convert", "ingress", "--from-cluster", "-A", "--kubeconfig", kubeconfig());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).as(r.toString()).contains("web.example.com").contains("shop.example.com");
    }

    @Test
    void namespaceOptionChoosesTheNamespace() {
        Result r = CliRunner.run("-n", "shop", "convert", "ingress", "--from-cluster", "--kubeconfig", kubeconfig());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).as(r.toString()).contains("shop.example.com").doesNotContain("web.example.com");
    }

    private String kubeconfig() {
        return MockCluster.kubeconfig(dir, server, "web").toString();
    }
}
