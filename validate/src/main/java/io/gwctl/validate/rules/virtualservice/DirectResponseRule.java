package io.gwctl.validate.rules.virtualservice;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPBody;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPBodyBytes;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPBodyString;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPDirectResponse;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.gwctl.validate.rules.RuleContext;
import java.nio.charset.StandardCharsets;

/**
 * A direct response has a status Istio accepts (200..600, although the message says 200-599) and a body that
 * does not weigh on the control plane: over 100 KiB is a warning, over 1 MiB an error. A {@code bytes} body
 * counts its decoded size. Istio {@code validateHTTPDirectResponse}, {@code validateHTTPStatus}.
 */
final class DirectResponseRule extends HttpRouteRule {

    private static final int KIB = 1024;
    private static final int MIB = 1024 * KIB;

    @Override
    void checkRoute(RuleContext context, HTTPRoute route, int index, String routePath) {
        HTTPDirectResponse response = route.getDirectResponse();
        if (response == null) {
            return;
        }
        String path = VirtualServicePaths.field(routePath, "directResponse");
        long size = bodySize(response.getBody());
        if (size > MIB) {
            context.report(VirtualServiceCodes.DIRECT_RESPONSE_BODY_TOO_LARGE, VirtualServicePaths.field(path, "body"),
                    "large direct_responses may impact control plane performance, must be less than 1MB");
        } else if (size > 100 * KIB) {
            context.report(VirtualServiceCodes.DIRECT_RESPONSE_BODY_LARGE, VirtualServicePaths.field(path, "body"),
                    "large direct_responses may impact control plane performance");
        }
        long status = ZeroValues.number(response.getStatus());
        if (status < 200 || status > 600) {
            context.report(VirtualServiceCodes.DIRECT_RESPONSE_STATUS, VirtualServicePaths.field(path, "status"),
                    "HTTP status " + status + " is not in range 200-599");
        }
    }

    /** The body's size in bytes: UTF-8 for {@code string}, decoded base64 for {@code bytes}. */
    private static long bodySize(HTTPBody body) {
        if (body == null) {
            return 0;
        }
        if (body.getSpecifier() instanceof HTTPBodyString s) {
            return ZeroValues.text(s.getString()).getBytes(StandardCharsets.UTF_8).length;
        }
        if (body.getSpecifier() instanceof HTTPBodyBytes b) {
            String base64 = ZeroValues.text(b.getBytes()).replaceAll("[=\\s]", "");
            return base64.length() * 3L / 4;
        }
        return 0;
    }
}
