package io.gwctl.model.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldPathTest {

    @Test
    void buildsAndWalksUpPaths() {
        String p = FieldPath.field(FieldPath.item(FieldPath.field(FieldPath.field("", "spec"), "servers"), 0), "port");
        assertThat(p).isEqualTo("spec.servers[0].port");
        assertThat(FieldPath.parent(p)).isEqualTo("spec.servers[0]");
        assertThat(FieldPath.parent("spec.servers[0]")).isEqualTo("spec.servers");
        assertThat(FieldPath.parent("spec")).isEmpty();
    }

    @Test
    void quotesKeysThatAreNotIdentifiers() {
        String p = FieldPath.field("metadata.labels", "app.kubernetes.io/name");
        assertThat(p).isEqualTo("metadata.labels[\"app.kubernetes.io/name\"]");
        assertThat(FieldPath.parent(p)).isEqualTo("metadata.labels");
    }
}
