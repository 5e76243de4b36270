package io.gwctl.tests.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * A Kubernetes API server to try {@code --from-cluster} on without a cluster: fabric8's mock server in CRUD mode
 * (what the cluster tests use), holding the objects of the YAML files given, with a kubeconfig written for it.
 *
 * <pre>MockApiServer KUBECONFIG_OUT PATH...</pre>
 * Runs until stopped (Ctrl-C).
 */
public final class MockApiServer {

    /** Held so that its level stays: the mock logs every request it answers. */
    private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver");

    private MockApiServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: MockApiServer KUBECONFIG_OUT PATH...");
            System.exit(2);
        }
        MOCK_LOG.setLevel(Level.WARNING);
        List<Path> paths = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            paths.add(Path.of(args[i]));
        }
        Running running = start(Path.of(args[0]), paths);
        System.out.println("mock API server on " + running.server().url("/") + " holding " + running.objects()
                + " objects; kubeconfig " + running.kubeconfig() + "; Ctrl-C stops it");
        Thread.currentThread().join();
    }

    /** A started server, the objects it was given and the kubeconfig that points at it. */
    public record Running(KubernetesMockServer server, int objects, Path kubeconfig) implements AutoCloseable {
        @Override
        public void close() {
            server.destroy();
        }
    }

    /** Starts a server holding the objects of the YAML files in {@code paths} and writes {@code kubeconfig}. */
    public static Running start(Path kubeconfig, List<Path> paths) throws IOException {
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), true);
        server.init();
        int objects = 0;
        try (KubernetesClient client = server.createClient()) {
            for (Path path : paths) {
                for (Path file : yamlFiles(path)) {
                    for (String document : Files.readString(file).split("(?m)^---$")) {
                        if (!document.replaceAll("(?m)^\\s*#.*$", "").isBlank()) {
                            client.resource(document).create();
                            objects++;
                        }
                    }
                }
            }
        }
        Path written = kubeconfig.toAbsolutePath();
        Files.createDirectories(written.getParent());
        Files.writeString(written, """
                apiVersion: v1
                kind: Config
                current-context: mock
                clusters:
                - name: mock
                  cluster: {server: "%s", insecure-skip-tls-verify: true}
                contexts:
                - name: mock
                  context: {cluster: mock, user: mock, namespace: default}
                users:
                - name: mock
                  user: {token: not-a-real-token}
                """.formatted(server.url("/")));
        return new Running(server, objects, written);
    }

    private static List<Path> yamlFiles(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(path)) {
            walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().forEach(files::add);
        }
        return files;
    }
}
