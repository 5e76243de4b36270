package io.gwctl.translate.envoy.cluster;

import com.google.protobuf.UInt32Value;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.type.v3.Percent;
import io.fabric8.istio.api.api.networking.v1alpha3.OutlierDetection;

/**
 * A DestinationRule's {@code outlierDetection} as pilot's {@code applyOutlierDetection} sets it: success-rate
 * ejection off; consecutive5xxErrors and consecutiveGatewayErrors with their enforcement at 100% when positive
 * (0% when 0); interval, baseEjectionTime, maxEjectionPercent when set; locally originated errors split when
 * asked; and minHealthPercent as the healthy panic threshold (0 disables panic mode).
 */
final class OutlierDetections {

    private OutlierDetections() {
    }

    static void apply(Cluster.Builder c, OutlierDetection outlier) {
        if (outlier == null) {
            return;
        }
        var out = io.envoyproxy.envoy.config.cluster.v3.OutlierDetection.newBuilder()
                .setEnforcingSuccessRate(UInt32Value.of(0));
        if (outlier.getConsecutive5xxErrors() != null) {
            int v = outlier.getConsecutive5xxErrors();
            out.setConsecutive5Xx(UInt32Value.of(v)).setEnforcingConsecutive5Xx(UInt32Value.of(v > 0 ? 100 : 0));
        }
        if (outlier.getConsecutiveGatewayErrors() != null) {
            int v = outlier.getConsecutiveGatewayErrors();
            out.setConsecutiveGatewayFailure(UInt32Value.of(v))
                    .setEnforcingConsecutiveGatewayFailure(UInt32Value.of(v > 0 ? 100 : 0));
        }
        ProtoDurations.of(outlier.getInterval()).ifPresent(out::setInterval);
        ProtoDurations.of(outlier.getBaseEjectionTime()).ifPresent(out::setBaseEjectionTime);
        if (outlier.getMaxEjectionPercent() != null && outlier.getMaxEjectionPercent() > 0) {
            out.setMaxEjectionPercent(UInt32Value.of(outlier.getMaxEjectionPercent()));
        }
        if (Boolean.TRUE.equals(outlier.getSplitExternalLocalOriginErrors())) {
            out.setSplitExternalLocalOriginErrors(true);
            Integer local = outlier.getConsecutiveLocalOriginFailures();
            if (local != null && local > 0) {
                out.setConsecutiveLocalOriginFailure(UInt32Value.of(local))
                        .setEnforcingConsecutiveLocalOriginFailure(UInt32Value.of(100));
            }
            out.setEnforcingLocalOriginSuccessRate(UInt32Value.of(0));
        }
        c.setOutlierDetection(out);
        int minHealth = outlier.getMinHealthPercent() == null ? 0 : outlier.getMinHealthPercent();
        if (minHealth >= 0) {
            c.getCommonLbConfigBuilder().setHealthyPanicThreshold(Percent.newBuilder().setValue(minHealth));
        }
    }
}
