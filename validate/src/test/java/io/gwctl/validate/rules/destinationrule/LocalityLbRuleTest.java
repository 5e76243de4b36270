package io.gwctl.validate.rules.destinationrule;

import static io.gwctl.validate.rules.common.RuleAssertions.assertNone;
import static io.gwctl.validate.rules.common.RuleAssertions.assertOne;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Istio {@code validateLoadBalancer}, {@code agent.ValidateLocalityLbSetting},
 * {@code agent.ValidateZoneAwareLbSetting} and {@code validateLocalities}; cases after
 * {@code TestValidateLocalityLbSetting} and {@code TestValidateLocalities} (pkg/config/validation/agent).
 */
class LocalityLbRuleTest {

    /** A DestinationRule with outlier detection whose loadBalancer body starts on line 10. */
    private static String destinationRule(String loadBalancer) {
        return """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: reviews
                spec:
                  host: reviews
                  trafficPolicy:
                    outlierDetection: {consecutive5xxErrors: 5}
                    loadBalancer:
                """ + loadBalancer;
    }

    @Test
    void distributeAndFailoverSettingsAreAccepted() {
        String yaml = destinationRule("""
                      localityLbSetting:
                        distribute:
                        - from: us-west/zone1/*
                          to: {"us-west/zone1/*": 80, "us-west/zone2/*": 20}
                        - from: us-east/*
                          to: {"us-east/*": 100}
                """);
        assertNone(yaml, DestinationRuleCodes.LOCALITY_LB, DestinationRuleCodes.FAILOVER_WITHOUT_OUTLIER);
        String failover = destinationRule("""
                      localityLbSetting:
                        failover: [{from: us-east, to: eu-west}]
                        failoverPriority: [topology.istio.io/network]
                """);
        assertNone(failover, DestinationRuleCodes.LOCALITY_LB, DestinationRuleCodes.FAILOVER_WITHOUT_OUTLIER);
    }

    @Test
    void localityAndZoneAwareExcludeEachOther() {
        String yaml = destinationRule("""
                      localityLbSetting: {enabled: true}
                      zoneAwareLbSetting: {minClusterSize: 1}
                """);
        assertOne(yaml, DestinationRuleCodes.LOCALITY_LB, 9, "only one of localityLbSetting and zoneAwareLbSetting can be set");
    }

    @Test
    void distributeAndFailoverExcludeEachOther() {
        String yaml = destinationRule("""
                      localityLbSetting:
                        distribute: [{from: a/b/c, to: {"a/b/c": 100}}]
                        failover: [{from: a, to: b}]
                """);
        assertOne(yaml, DestinationRuleCodes.LOCALITY_LB, 10, "can not simultaneously specify 'distribute' and 'failover'");
    }

    @Test
    void failoverExcludesTopologyPriorityLabels() {
        String yaml = destinationRule("""
                      localityLbSetting:
                        failover: [{from: a, to: b}]
                        failoverPriority:
                        - topology.kubernetes.io/zone
                """);
        assertOne(yaml, DestinationRuleCodes.LOCALITY_LB, 13,
                "can not simultaneously set 'failover' and topology label 'topology.kubernetes.io/zone' in 'failover_priority'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'{\"a/b/c\": 0}'                 | locality weight must be in range [1, 100]",
            "'{\"a/b/c\": 60, \"a/b/d\": 30}' | total locality weight 90 != 100",
            "'{\"a/*/c\": 100}'               | locality a/*/c wildcard '*' number can not exceed 1 and must be in the end",
            "'{\"a//c\": 100}'                | locality a//c must not contain empty region/zone/subzone info",
            "'{\"a/*\": 50, \"a/b\": 50}'     | locality a/b overlap with previous specified ones"})
    void badDistributionIsReported(String to, String message) {
        String yaml = destinationRule("""
                      localityLbSetting:
                        distribute:
                        - from: a/b/c
                          to: %s
                """.formatted(to));
        assertOne(yaml, DestinationRuleCodes.LOCALITY_LB, 13, message);
    }

    @Test
    void overlappingSourcesAreReported() {
        String yaml = destinationRule("""
                      localityLbSetting:
                        distribute:
                        - {from: "*", to: {"a/b/c": 100}}
                        - {from: a/b, to: {"a/b/c": 100}}
                """);
        assertOne(yaml, DestinationRuleCodes.LOCALITY_LB, 11, "locality a/b overlap with previous specified ones");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'{from: a, to: a}'     | locality lb failover settings must specify different regions",
            "'{from: a/b, to: c}'   | locality lb failover only specify region",
            "'{from: a, to: \"c*\"}' | locality lb failover region should not contain '*' wildcard"})
    void badFailoverIsReported(String failover, String message) {
        String yaml = destinationRule("""
                      localityLbSetting:
                        failover:
                        - %s
                """.formatted(failover));
        assertOne(yaml, DestinationRuleCodes.LOCALITY_LB, 12, message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'failover: [{from: a, to: a}]'      | zone aware lb failover settings must specify different regions",
            "'failover: [{from: a/b, to: c}]'    "
                    + "| zone aware lb failover only specifies region; zone and subzone failover are handled automatically",
            "'failover: [{from: a, to: \"*\"}]'  | zone aware lb failover region should not contain '*' wildcard",
            "'failoverPriority: [topology.kubernetes.io/region]' "
                    + "| 'failover_priority' for zone aware lb must not use topology label 'topology.kubernetes.io/region'; "
                    + "region- and zone-level routing are handled automatically"})
    void badZoneAwareSettingIsReported(String setting, String message) {
        String yaml = destinationRule("""
                      zoneAwareLbSetting:
                        %s
                """.formatted(setting));
        assertOne(yaml, DestinationRuleCodes.LOCALITY_LB, 11, message);
    }

    @Test
    void failoverWithoutOutlierDetectionIsAWarning() {
        String yaml = """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: reviews
                spec:
                  host: reviews
                  trafficPolicy:
                    loadBalancer:
                      localityLbSetting:
                        failover: [{from: us-east, to: eu-west}]
                """;
        assertOne(yaml, DestinationRuleCodes.FAILOVER_WITHOUT_OUTLIER, 9,
                "outlier detection policy must be provided for failover");
    }
}
