package io.gwctl.validate.analysis.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Kubernetes' {@code labels.SelectorFromSet}: equality on every key; the empty selector selects all. */
class LabelSelectorTest {

    @Test
    void everyLabelMustBePresentWithItsValue() {
        LabelSelector selector = LabelSelector.of(Map.of("istio", "ingressgateway", "app", "gw"));
        assertThat(selector.matches(Map.of("istio", "ingressgateway", "app", "gw", "extra", "x"))).isTrue();
        assertThat(selector.matches(Map.of("istio", "ingressgateway"))).isFalse();
        assertThat(selector.matches(Map.of("istio", "other", "app", "gw"))).isFalse();
        assertThat(LabelSelector.of(null).matches(Map.of())).isTrue();
    }

    @Test
    void printsSortedLikeKubernetes() {
        assertThat(LabelSelector.of(Map.of("istio", "ingressgateway", "app", "gw")))
                .hasToString("app=gw,istio=ingressgateway");
        assertThat(LabelSelector.of(Map.of("istio", "ingressgateway", "app", "gw")).firstKey()).isEqualTo("app");
    }

    @Test
    void subsetMeansEveryRequirementIsShared() {
        LabelSelector narrow = LabelSelector.of(Map.of("istio", "ingressgateway"));
        LabelSelector wide = LabelSelector.of(Map.of("istio", "ingressgateway", "type", "internal"));
        assertThat(narrow.isSubsetOf(wide)).isTrue();
        assertThat(wide.isSubsetOf(narrow)).isFalse();
    }
}
