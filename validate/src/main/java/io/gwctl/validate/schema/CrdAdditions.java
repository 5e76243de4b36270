package io.gwctl.validate.schema;

import io.fabric8.istio.api.api.networking.v1alpha3.ConnectionPoolSettingsHTTPSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRedirect;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettingsConsistentHashLBRingHash;
import io.fabric8.istio.api.api.networking.v1alpha3.OutlierDetection;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.TrafficPolicyRetryBudget;
import java.util.Map;

/**
 * Where the fabric8 model lags behind or misreads the Istio CRDs (istio/api
 * {@code kubernetes/customresourcedefinitions.gen.yaml}): fields a valid object may carry that the model
 * has no property for. Without them, correct configuration would be reported as unknown fields.
 *
 * <ul>
 *   <li>Newer fields: Gateway/Sidecar {@code tls.insecureSkipVerify}, VirtualService
 *       {@code redirect.prefixRewrite}, DestinationRule {@code http2KeepAlive},
 *       {@code zoneAwareLbSetting}, {@code outlierDetectionHttpErrorCodes},
 *       {@code retryBudget.budgetInterval}.</li>
 *   <li>{@code mirror_percent}: the CRD keeps the deprecated field under its proto name.</li>
 *   <li>{@code consistentHash.ringHash}: the model gives it the type of its own oneof wrapper (a
 *       {@code ringHash} inside {@code ringHash}); the CRD's {@code RingHash} has {@code minimumRingSize}.</li>
 *   <li>{@code extensions/v1beta1} Ingress: Kubernetes 1.18 gave it {@code pathType}, a backend
 *       {@code resource} and {@code ingressClassName}, which fabric8's model of that version lacks.</li>
 * </ul>
 */
final class CrdAdditions {

    private static final Shape DURATION = Shape.Scalar.STRING;

    private static final Map<Class<?>, Map<String, Shape>> ADDITIONS = Map.of(
            ServerTLSSettings.class, Map.of("insecureSkipVerify", Shape.Scalar.BOOLEAN),
            HTTPRoute.class, Map.of("mirror_percent", Shape.Scalar.INTEGER),
            HTTPRedirect.class, Map.of("prefixRewrite", Shape.Scalar.STRING),
            ConnectionPoolSettingsHTTPSettings.class, Map.of("http2KeepAlive", ObjectShape.of("Http2KeepAlive",
                    Map.of("interval", DURATION, "timeout", DURATION))),
            LoadBalancerSettings.class, Map.of("zoneAwareLbSetting", ObjectShape.of("ZoneAwareLbSetting", Map.of(
                    "enabled", Shape.Scalar.BOOLEAN,
                    "failover", new Shape.ListOf(ObjectShape.of("ZoneAwareLbSetting.Failover",
                            Map.of("from", Shape.Scalar.STRING, "to", Shape.Scalar.STRING))),
                    "failoverPriority", new Shape.ListOf(Shape.Scalar.STRING),
                    "minClusterSize", Shape.Scalar.INTEGER))),
            OutlierDetection.class, Map.of("outlierDetectionHttpErrorCodes", new Shape.ListOf(Shape.Scalar.INTEGER)),
            TrafficPolicyRetryBudget.class, Map.of("budgetInterval", DURATION),
            LoadBalancerSettingsConsistentHashLBRingHash.class, Map.of("ringHash", ObjectShape.of("RingHash",
                    Map.of("minimumRingSize", Shape.Scalar.INTEGER))));

    private static final Map<Class<?>, Map<String, Shape>> EXTENSIONS_INGRESS_ADDITIONS = Map.of(
            io.fabric8.kubernetes.api.model.extensions.HTTPIngressPath.class,
            Map.of("pathType", Shape.Scalar.STRING),
            io.fabric8.kubernetes.api.model.extensions.IngressBackend.class,
            Map.of("resource", ObjectShape.of("TypedLocalObjectReference", Map.of(
                    "apiGroup", Shape.Scalar.STRING, "kind", Shape.Scalar.STRING, "name", Shape.Scalar.STRING))),
            io.fabric8.kubernetes.api.model.extensions.IngressSpec.class,
            Map.of("ingressClassName", Shape.Scalar.STRING));

    private CrdAdditions() {
    }

    /** The properties to add to (or, for a misread one, replace in) the shape of {@code cls}. */
    static Map<String, Shape> of(Class<?> cls) {
        Map<String, Shape> additions = ADDITIONS.get(cls);
        return additions != null ? additions : EXTENSIONS_INGRESS_ADDITIONS.getOrDefault(cls, Map.of());
    }
}
