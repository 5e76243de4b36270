package io.gwctl.validate.rules.virtualservice;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMirrorPolicy;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.Percent;
import io.gwctl.validate.diagnostic.GoFormat;
import io.gwctl.validate.rules.RuleContext;
import java.util.List;

/**
 * How much traffic is mirrored: {@code mirrorPercentage} and each {@code mirrors[].percentage} in 0..100, and
 * the deprecated integer {@code mirrorPercent} (a warning) at most 100. Istio {@code validateHTTPRoute},
 * {@code validateHTTPMirrors} (which skips the percentage of a mirror without a destination); mirror
 * destinations are checked by {@link RouteDestinationRule}.
 */
final class MirrorRule extends HttpRouteRule {

    @Override
    void checkRoute(RuleContext context, HTTPRoute route, int index, String path) {
        if (route.getMirrorPercent() != null) {
            String at = VirtualServicePaths.field(path, "mirrorPercent");
            if (route.getMirrorPercent() > 100) {
                context.report(VirtualServiceCodes.MIRROR_PERCENTAGE, at,
                        "mirror_percent must have a max value of 100 (it has " + route.getMirrorPercent() + ")");
            }
            context.report(VirtualServiceCodes.MIRROR_PERCENT_DEPRECATED, at,
                    "using deprecated setting \"mirrorPercent\", use \"mirrorPercentage\" instead");
        }
        percentage(context, route.getMirrorPercentage(), "mirror_percentage",
                VirtualServicePaths.field(path, "mirrorPercentage"));
        List<HTTPMirrorPolicy> mirrors = ZeroValues.list(route.getMirrors());
        for (int k = 0; k < mirrors.size(); k++) {
            HTTPMirrorPolicy mirror = mirrors.get(k);
            if (mirror != null && mirror.getDestination() != null) {
                percentage(context, mirror.getPercentage(), "mirror percentage",
                        VirtualServicePaths.field(VirtualServicePaths.mirror(path, k), "percentage"));
            }
        }
    }

    private static void percentage(RuleContext context, Percent percentage, String name, String path) {
        if (percentage == null) {
            return;
        }
        double value = ZeroValues.decimal(percentage.getValue());
        String at = VirtualServicePaths.field(path, "value");
        if (value > 100) {
            context.report(VirtualServiceCodes.MIRROR_PERCENTAGE, at,
                    name + " must have a max value of 100 (it has " + GoFormat.fixed(value) + ")");
        }
        if (value < 0) {
            context.report(VirtualServiceCodes.MIRROR_PERCENTAGE, at,
                    name + " must have a min value of 0 (it has " + GoFormat.fixed(value) + ")");
        }
    }
}
