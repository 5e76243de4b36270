package io.gwctl.validate.rules.virtualservice;

import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertNone;
import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertOne;

import org.junit.jupiter.api.Test;

/**
 * Istio {@code validateHTTPRoute} (mirrorPercent, mirrorPercentage) and {@code validateHTTPMirrors}; "deprecated
 * mirror" in validation_test.go {@code TestValidateVirtualService}.
 */
class MirrorRuleTest {

    private static String mirror(String settings) {
        return """
                hosts: [reviews.example.com]
                http:
                - route:
                  - destination: {host: reviews}
                  %s
                """.formatted(settings);
    }

    @Test
    void percentagesInRangeAreAccepted() {
        String spec = mirror("mirrors: [{destination: {host: shadow}, percentage: {value: 100}}]");
        assertNone(spec, VirtualServiceCodes.MIRROR_PERCENTAGE);
        assertNone(mirror("mirrorPercentage: {value: 0}"), VirtualServiceCodes.MIRROR_PERCENTAGE);
    }

    @Test
    void mirrorPercentageAbove100IsReported() {
        assertOne(mirror("mirrorPercentage: {value: 100.5}"), VirtualServiceCodes.MIRROR_PERCENTAGE, 5,
                "mirror_percentage must have a max value of 100 (it has 100.500000)");
    }

    @Test
    void mirrorPercentageBelow0IsReported() {
        assertOne(mirror("mirrorPercentage: {value: -1}"), VirtualServiceCodes.MIRROR_PERCENTAGE, 5,
                "mirror_percentage must have a min value of 0 (it has -1.000000)");
    }

    @Test
    void aMirrorsPercentageOutOfRangeIsReported() {
        assertOne(mirror("mirrors: [{destination: {host: shadow}, percentage: {value: 200}}]"), VirtualServiceCodes.MIRROR_PERCENTAGE,
                5, "mirror percentage must have a max value of 100 (it has 200.000000)");
        assertOne(mirror("mirrors: [{destination: {host: shadow}, percentage: {value: -3}}]"), VirtualServiceCodes.MIRROR_PERCENTAGE,
                5, "mirror percentage must have a min value of 0 (it has -3.000000)");
    }

    @Test
    void mirrorPercentIsDeprecated() {
        String spec = mirror("mirrorPercent: 50");
        assertOne(spec, VirtualServiceCodes.MIRROR_PERCENT_DEPRECATED, 5,
                "using deprecated setting \"mirrorPercent\", use \"mirrorPercentage\" instead");
        assertNone(spec, VirtualServiceCodes.MIRROR_PERCENTAGE);
    }

    @Test
    void mirrorPercentAbove100IsReported() {
        assertOne(mirror("mirrorPercent: 150"), VirtualServiceCodes.MIRROR_PERCENTAGE, 5,
                "mirror_percent must have a max value of 100 (it has 150)");
    }
}
