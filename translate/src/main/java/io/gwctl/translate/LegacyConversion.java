package io.gwctl.translate;

import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.gwctl.model.resource.Resource;
import io.gwctl.translate.convert.ConversionResult;
import io.gwctl.translate.convert.Notification;
import io.gwctl.translate.convert.Notifications;
import io.gwctl.translate.ingress.IngressConverter;
import io.gwctl.translate.ingress.IngressOptions;
import io.gwctl.translate.legacy.RouteRuleConverter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Converts the legacy kinds of one input together: Ingresses into a Gateway and VirtualServices,
 * RouteRules, DestinationPolicies and EgressRules into VirtualServices, DestinationRules and
 * ServiceEntries. Converting them together matters: a RouteRule whose source is the ingress acted on the
 * traffic the Ingress let in, so it refines the VirtualServices made from the Ingresses (Istio's classic
 * httpbin task: {@code /status} routed, everything else aborted with 403).
 */
public final class LegacyConversion {

    /** Which legacy kinds to convert. */
    public enum Scope {
        INGRESS,
        ROUTE_RULES,
        ALL
    }

    private static final Set<String> LEGACY_KINDS = Set.of("RouteRule", "DestinationPolicy", "EgressRule");

    private LegacyConversion() {
    }

    public static ConversionResult convert(List<Resource> resources, Scope scope, IngressOptions options) {
        List<HasMetadata> objects = new ArrayList<>();
        List<Notification> notifications = new ArrayList<>();
        List<Notification> failures = new ArrayList<>();
        unknownVersions(resources, scope, failures);
        RouteRuleConverter routeRules = new RouteRuleConverter();
        if (scope != Scope.ROUTE_RULES) {
            ConversionResult ingress = new IngressConverter(options).convert(resources);
            List<HasMetadata> converted = ingress.objects();
            if (scope == Scope.ALL) {
                converted = refine(converted, resources, routeRules, notifications);
            }
            objects.addAll(converted);
            notifications.addAll(ingress.notifications());
            failures.addAll(ingress.failures());
        }
        if (scope != Scope.INGRESS) {
            ConversionResult legacy = routeRules.convert(resources);
            objects.addAll(legacy.objects());
            notifications.addAll(legacy.notifications());
            failures.addAll(legacy.failures());
        }
        return new ConversionResult(objects, notifications, failures);
    }

    /** A kind this command converts in an API version it does not know is a failure, never silently skipped. */
    private static void unknownVersions(List<Resource> resources, Scope scope, List<Notification> failures) {
        Notifications unknown = new Notifications();
        for (Resource r : resources) {
            if (r.type().isPresent()) {
                continue;
            }
            boolean ingress = r.kind().equals("Ingress");
            boolean legacy = LEGACY_KINDS.contains(r.kind());
            if ((ingress && scope != Scope.ROUTE_RULES) || (legacy && scope != Scope.INGRESS)) {
                unknown.warn(r, "apiVersion", r.apiVersion() + " " + r.kind() + " is not a version gwctl converts ("
                        + (ingress ? "extensions/v1beta1, networking.k8s.io/v1beta1 or networking.k8s.io/v1"
                                : "config.istio.io/v1alpha2") + ")");
            }
        }
        failures.addAll(unknown.all());
    }

    /** The Ingress objects with their VirtualServices refined by the RouteRules that act on ingress traffic. */
    private static List<HasMetadata> refine(List<HasMetadata> ingressObjects, List<Resource> resources,
            RouteRuleConverter routeRules, List<Notification> notifications) {
        List<VirtualService> virtualServices = new ArrayList<>();
        List<HasMetadata> others = new ArrayList<>();
        for (HasMetadata o : ingressObjects) {
            if (o instanceof VirtualService vs) {
                virtualServices.add(vs);
            } else {
                others.add(o);
            }
        }
        Notifications refinement = new Notifications();
        List<HasMetadata> out = new ArrayList<>(others);
        out.addAll(routeRules.refineIngress(virtualServices, resources, refinement));
        notifications.addAll(refinement.all());
        return out;
    }
}
