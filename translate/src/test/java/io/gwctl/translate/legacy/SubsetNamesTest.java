package io.gwctl.translate.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.validate.rules.names.DnsNames;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Subset names from labels: Istio's {@code labelsToSubsetName} for one label, a DNS-1123 label always. */
class SubsetNamesTest {

    @Test
    void oneLabelKeepsIstiosName() {
        assertThat(SubsetNames.of(Map.of("version", "1.0"))).isEqualTo("version-1-0");
        assertThat(SubsetNames.of(Map.of("version", "v1"))).isEqualTo("version-v1");
    }

    @Test
    void severalLabelsAreSortedAndJoinedIntoOneLabel() {
        String name = SubsetNames.of(Map.of("version", "v1", "app.kubernetes.io/env", "Prod_EU"));

        assertThat(name).isEqualTo("app-kubernetes-io-env-prod-eu-version-v1");
        assertThat(DnsNames.isLabel(name)).isTrue();
    }

    @Test
    void longNamesAreCutWithAHash() {
        String name = SubsetNames.of(Map.of("a".repeat(40), "b".repeat(40)));

        assertThat(name).hasSizeLessThanOrEqualTo(63);
        assertThat(DnsNames.isLabel(name)).isTrue();
        assertThat(name).isNotEqualTo(SubsetNames.of(Map.of("a".repeat(40), "b".repeat(41))));
    }

    @Test
    void noLabelsIsDefault() {
        assertThat(SubsetNames.of(Map.of())).isEqualTo("default");
    }
}
