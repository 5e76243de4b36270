package io.gwctl.cli.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test fixtures for a fabric8 mock API server: a kubeconfig that points at it, and objects created from YAML. */
public final class MockCluster {

    private MockCluster() {
    }

    /**
     * Writes a kubeconfig whose current context {@code mock} points at {@code server} with namespace {@code namespace}.
     */
    public static Path kubeconfig(Path dir, KubernetesMockServer server, String namespace) {
        return kubeconfig(dir, server.url("/"), namespace);
    }

    public static Path kubeconfig(Path dir, String serverUrl, String namespace) {
        String text = """
                apiVersion: v1
                kind: Config
                current-context: mock
                clusters:
                - name: mock
                  cluster:
                    server: %s
                    insecure-skip-tls-verify: true
                contexts:
                - name: mock
                  context:
                    cluster: mock
                    user: tester
                    namespace: %s
                - name: other
                  context:
                    cluster: mock
                    user: tester
                users:
                - name: tester
                  user:
                    token: not-a-real-token
                """.formatted(serverUrl, namespace);
        try {
            return Files.writeString(dir.resolve("kubeconfig"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates every object of the YAML text (several documents allowed), as {@code kubectl create -f} would. */
    public static void create(KubernetesClient client, String yaml) {
        for (String document : yaml.split("(?m)^---$")) {
            if (!document.isBlank()) {
                client.resource(document).create();
            }
        }
    }
}
