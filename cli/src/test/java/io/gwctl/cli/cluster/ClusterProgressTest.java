package io.gwctl.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.gwctl.cli.Environment;
import io.gwctl.cli.progress.Progress;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The status line while a cluster is read: the kind being read and the objects read so far, over every kind. */
@EnableKubernetesMockClient(crud = true)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClusterProgressTest {

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    @Test
    void eachKindIsNamedWithTheRunningCountAndTheLineIsErasedAtTheEnd() {
        MockCluster.create(client, ValidateFromClusterTest.GATEWAY + "---\n" + ValidateFromClusterTest.ROUTE_TO_GATEWAY
                + "---\n" + ValidateFromClusterTest.SERVICE);
        Progress progress = drawingEveryStatus(err);

        ClusterSource.read(options(MockCluster.kubeconfig(dir, server, "web")), env(),
                Set.of(ClusterKind.VIRTUAL_SERVICE, ClusterKind.GATEWAY, ClusterKind.SERVICE), true, progress);
        progress.close();

        assertThat(drawn(err)).containsExactly(
                "reading Gateways from cluster mock: 0 objects",
                "reading Gateways from cluster mock: 1 object",
                "reading VirtualServices from cluster mock: 1 object",
                "reading VirtualServices from cluster mock: 2 objects",
                "reading Services from cluster mock: 2 objects",
                "reading Services from cluster mock: 3 objects");
        assertThat(err.toString()).as("the line is erased and the cursor back at its start")
                .endsWith("\r" + " ".repeat("reading VirtualServices from cluster mock: 2 objects".length()) + "\r");
    }

    @Test
    void kindsAreNamedInThePluralForPeople() {
        assertThat(Arrays.stream(ClusterKind.values()).map(ClusterKind::kindPlural)).containsExactly(
                "Gateways", "VirtualServices", "DestinationRules", "ServiceEntries", "Services", "Secrets", "Pods",
                "Ingresses", "EndpointSlices");
    }

    /** Each line drawn, without the blanks that cover a longer earlier line or erase the last. */
    static List<String> drawn(StringWriter err) {
        return Arrays.stream(err.toString().split("\r")).map(String::stripTrailing).filter(l -> !l.isEmpty()).toList();
    }

    /** A clock that moves on by more than the redraw interval at every look, so every status is drawn. */
    static Progress drawingEveryStatus(StringWriter err) {
        long[] now = {0};
        return new Progress(new PrintWriter(err), "reading", "files",
                () -> now[0] += TimeUnit.MILLISECONDS.toNanos(150), true);
    }

    static Service service(String name) {
        return new ServiceBuilder().withNewMetadata().withName(name).withNamespace("web").endMetadata().build();
    }

    static ClusterOptions options(Path kubeconfig) {
        ClusterOptions options = new ClusterOptions();
        options.kubeconfig = kubeconfig;
        return options;
    }

    static Environment env() {
        return new Environment(InputStream.nullInputStream(), Map.of(), true);
    }
}
