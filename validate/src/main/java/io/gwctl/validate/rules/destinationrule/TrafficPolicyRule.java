package io.gwctl.validate.rules.destinationrule;

import io.fabric8.istio.api.api.networking.v1alpha3.TrafficPolicy;
import io.fabric8.istio.api.api.networking.v1alpha3.TrafficPolicyPortTrafficPolicy;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import java.util.List;
import java.util.Set;

/**
 * The shape of each traffic policy: it sets something, does not tunnel and speak PROXY protocol at once,
 * and each port-level entry names its port and sets a policy. Istio: {@code validateTrafficPolicy}
 * ("traffic policy must have at least one field", "tunnel and proxyProtocol must not be set together") and
 * {@code validatePortTrafficPolicies} ("traffic policy may not be null",
 * "portTrafficPolicy must have valid port", "port traffic policy must have at least one field").
 *
 * <p>Istio checks nothing else in a policy that sets both tunnel and proxyProtocol; gwctl still checks its
 * parts, so one pass shows every problem. Istio's check of the PROXY protocol version cannot fail here:
 * the schema only admits V1 and V2.
 */
final class TrafficPolicyRule implements ResourceRule {

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.DESTINATION_RULE);
    }

    @Override
    public void check(RuleContext context) {
        for (TrafficPolicies.Policy p : TrafficPolicies.policies(context)) {
            TrafficPolicy policy = p.policy();
            if (isEmpty(policy)) {
                context.report(DestinationRuleCodes.TRAFFIC_POLICY_EMPTY, p.path(),
                        "traffic policy must have at least one field");
                continue;
            }
            if (policy.getTunnel() != null && policy.getProxyProtocol() != null) {
                context.report(DestinationRuleCodes.TUNNEL_WITH_PROXY_PROTOCOL, p.path(),
                        "tunnel and proxyProtocol must not be set together");
            }
            checkPortLevel(context, p.path(), policy.getPortLevelSettings());
        }
    }

    private static void checkPortLevel(RuleContext context, String policyPath,
            List<TrafficPolicyPortTrafficPolicy> ports) {
        if (ports == null) {
            return;
        }
        for (int i = 0; i < ports.size(); i++) {
            TrafficPolicyPortTrafficPolicy port = ports.get(i);
            String path = DestinationRulePaths.portLevel(policyPath, i);
            if (port == null) {
                context.report(DestinationRuleCodes.PORT_TRAFFIC_POLICY, path, "traffic policy may not be null");
                continue;
            }
            if (port.getPort() == null) {
                context.report(DestinationRuleCodes.PORT_TRAFFIC_POLICY, path,
                        "portTrafficPolicy must have valid port");
            }
            if (port.getOutlierDetection() == null && port.getConnectionPool() == null
                    && port.getLoadBalancer() == null && port.getTls() == null) {
                context.report(DestinationRuleCodes.PORT_TRAFFIC_POLICY, path,
                        "port traffic policy must have at least one field");
            }
        }
    }

    private static boolean isEmpty(TrafficPolicy p) {
        return p.getOutlierDetection() == null && p.getConnectionPool() == null && p.getLoadBalancer() == null
                && p.getTls() == null && (p.getPortLevelSettings() == null || p.getPortLevelSettings().isEmpty())
                && p.getTunnel() == null && p.getProxyProtocol() == null && p.getRetryBudget() == null;
    }
}
