package io.gwctl.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ListMetaBuilder;
import io.fabric8.kubernetes.api.model.ServiceListBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.gwctl.cli.progress.Progress;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A kind is listed in pages, as kubectl lists it, and each page is counted as it arrives. */
@EnableKubernetesMockClient
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClusterPagingTest {

    @TempDir
    Path dir;


    KubernetesMockServer server;

    @Test
    void aLargeKindIsReadInPagesEachCounted() {
        server.expect().get().withPath("/api/v1/namespaces/web/services?limit=" + ClusterReader.CHUNK_SIZE)
                .andReturn(200, new ServiceListBuilder()
                        .withMetadata(new ListMetaBuilder().withContinue("page-2").build())
                        .withItems(ClusterProgressTest.service("a"), ClusterProgressTest.service("b")).build())
                .once();
        server.expect().get().withPath("/api/v1/namespaces/web/services?continue=page-2&limit=" + ClusterReader.CHUNK_SIZE)
                .andReturn(200, new ServiceListBuilder().withNewMetadata().endMetadata()
                        .withItems(ClusterProgressTest.service("c")).build())
                .once();
        StringWriter err = new StringWriter();
        Progress progress = ClusterProgressTest.drawingEveryStatus(err);

        ClusterSource.Snapshot snapshot = ClusterSource.read(
                ClusterProgressTest.options(MockCluster.kubeconfig(dir, server, "web")), ClusterProgressTest.env(),
                Set.of(ClusterKind.SERVICE), false, progress);

        assertThat(snapshot.objects().resources()).as("both pages").hasSize(3);
        assertThat(ClusterProgressTest.drawn(err)).containsExactly(
                "reading Services from cluster mock: 0 objects",
                "reading Services from cluster mock: 2 objects",
                "reading Services from cluster mock: 3 objects");
    }
}
