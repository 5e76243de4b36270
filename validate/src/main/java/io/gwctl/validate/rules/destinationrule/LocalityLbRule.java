package io.gwctl.validate.rules.destinationrule;

import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.LocalityLoadBalancerSetting;
import io.fabric8.istio.api.api.networking.v1alpha3.LocalityLoadBalancerSettingDistribute;
import io.fabric8.istio.api.api.networking.v1alpha3.LocalityLoadBalancerSettingFailover;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Locality-aware and zone-aware load balancing, after Istio's {@code validateLoadBalancer},
 * {@code agent.ValidateLocalityLbSetting}, {@code agent.ValidateZoneAwareLbSetting} and
 * {@code validateLocalities}: only one of the two settings; {@code distribute} xor {@code failover};
 * {@code failover} excludes topology labels in {@code failoverPriority}; each distribute entry's weights are
 * 1..100 and sum to 100; localities do not overlap and use at most one trailing {@code *}; failover goes
 * between different regions, named without {@code /} or {@code *}. Failover without outlier detection never
 * triggers (a warning).
 *
 * <p>The Istio model gwctl binds to predates {@code zoneAwareLbSetting}, so that one is read as written.
 */
final class LocalityLbRule implements ResourceRule {

    private static final String ZONE_AWARE = "zoneAwareLbSetting";
    private static final Set<String> TOPOLOGY_LABELS = Set.of("topology.kubernetes.io/region",
            "topology.kubernetes.io/zone", "topology.istio.io/subzone");
    private static final String NO_OUTLIER = "outlier detection policy must be provided for failover";

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.DESTINATION_RULE);
    }

    @Override
    public void check(RuleContext context) {
        for (TrafficPolicies.Settings s : TrafficPolicies.settings(context)) {
            LoadBalancerSettings lb = s.loadBalancer();
            if (lb == null) {
                continue;
            }
            String path = DestinationRulePaths.field(s.path(), "loadBalancer");
            Map<?, ?> zoneAware = s.written("loadBalancer").get(ZONE_AWARE) instanceof Map<?, ?> m ? m : null;
            if (lb.getLocalityLbSetting() != null && zoneAware != null) {
                context.report(DestinationRuleCodes.LOCALITY_LB, path,
                        "only one of localityLbSetting and zoneAwareLbSetting can be set");
            }
            if (lb.getLocalityLbSetting() != null) {
                checkLocality(context, path + ".localityLbSetting", lb.getLocalityLbSetting(), s.outlier() != null);
            }
            if (zoneAware != null) {
                checkZoneAware(context, path + "." + ZONE_AWARE, zoneAware, s.outlier() != null);
            }
        }
    }

    private static void checkLocality(RuleContext context, String path, LocalityLoadBalancerSetting lb,
            boolean hasOutlier) {
        List<LocalityLoadBalancerSettingDistribute> distribute = orEmpty(lb.getDistribute());
        List<LocalityLoadBalancerSettingFailover> failover = orEmpty(lb.getFailover());
        List<String> priority = orEmpty(lb.getFailoverPriority());
        if (!distribute.isEmpty() && !failover.isEmpty()) {
            context.report(DestinationRuleCodes.LOCALITY_LB, path,
                    "can not simultaneously specify 'distribute' and 'failover'");
            return;
        }
        if (!failover.isEmpty()) {
            for (int i = 0; i < priority.size(); i++) {
                if (TOPOLOGY_LABELS.contains(priority.get(i))) {
                    context.report(DestinationRuleCodes.LOCALITY_LB, path + ".failoverPriority[" + i + "]",
                            "can not simultaneously set 'failover' and topology label '%s' in 'failover_priority'",
                            priority.get(i));
                    return;
                }
            }
        }
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < distribute.size(); i++) {
            LocalityLoadBalancerSettingDistribute entry = distribute.get(i);
            if (entry == null) {
                continue;
            }
            sources.add(entry.getFrom() == null ? "" : entry.getFrom());
            String to = path + ".distribute[" + i + "].to";
            long total = 0;
            List<String> destinations = new ArrayList<>();
            Map<String, Long> weights = entry.getTo() == null ? Map.of() : entry.getTo();
            for (Map.Entry<String, Long> weight : weights.entrySet()) {
                destinations.add(weight.getKey());
                long w = weight.getValue() == null ? 0 : weight.getValue();
                if (w <= 0 || w > 100) {
                    context.report(DestinationRuleCodes.LOCALITY_LB, to, "locality weight must be in range [1, 100]");
                    return;
                }
                total += w;
            }
            if (total != 100) {
                context.report(DestinationRuleCodes.LOCALITY_LB, to, "total locality weight %d != 100", total);
                return;
            }
            overlap(destinations).ifPresent(m -> context.report(DestinationRuleCodes.LOCALITY_LB, to, m));
        }
        overlap(sources).ifPresent(m -> context.report(DestinationRuleCodes.LOCALITY_LB, path + ".distribute", m));
        if ((!failover.isEmpty() || !priority.isEmpty()) && !hasOutlier) {
            context.report(DestinationRuleCodes.FAILOVER_WITHOUT_OUTLIER, path, NO_OUTLIER);
        }
        for (int i = 0; i < failover.size(); i++) {
            LocalityLoadBalancerSettingFailover f = failover.get(i);
            String from = f == null || f.getFrom() == null ? "" : f.getFrom();
            String to = f == null || f.getTo() == null ? "" : f.getTo();
            checkFailover(context, path + ".failover[" + i + "]", from, to, "locality lb failover settings must "
                    + "specify different regions", "locality lb failover only specify region",
                    "locality lb failover region should not contain '*' wildcard");
        }
    }

    private static void checkZoneAware(RuleContext context, String path, Map<?, ?> zoneAware, boolean hasOutlier) {
        List<?> priority = zoneAware.get("failoverPriority") instanceof List<?> l ? l : List.of();
        List<?> failover = zoneAware.get("failover") instanceof List<?> l ? l : List.of();
        for (int i = 0; i < priority.size(); i++) {
            Object label = priority.get(i);
            if (TOPOLOGY_LABELS.contains(label)) {
                context.report(DestinationRuleCodes.LOCALITY_LB, path + ".failoverPriority[" + i + "]",
                        "'failover_priority' for zone aware lb must not use topology label '%s'; region- and "
                                + "zone-level routing are handled automatically", label);
            }
        }
        if ((!failover.isEmpty() || !priority.isEmpty()) && !hasOutlier) {
            context.report(DestinationRuleCodes.FAILOVER_WITHOUT_OUTLIER, path, NO_OUTLIER);
        }
        for (int i = 0; i < failover.size(); i++) {
            Map<?, ?> f = failover.get(i) instanceof Map<?, ?> m ? m : Map.of();
            String from = f.get("from") instanceof String v ? v : "";
            String to = f.get("to") instanceof String v ? v : "";
            checkFailover(context, path + ".failover[" + i + "]", from, to,
                    "zone aware lb failover settings must specify different regions",
                    "zone aware lb failover only specifies region; zone and subzone failover are handled automatically",
                    "zone aware lb failover region should not contain '*' wildcard");
        }
    }

    private static void checkFailover(RuleContext context, String path, String from, String to,
            String same, String notRegion, String wildcard) {
        if (from.equals(to)) {
            context.report(DestinationRuleCodes.LOCALITY_LB, path, same);
        }
        if (from.contains("/") || to.contains("/")) {
            context.report(DestinationRuleCodes.LOCALITY_LB, path, notRegion);
        }
        if (from.contains("*") || to.contains("*")) {
            context.report(DestinationRuleCodes.LOCALITY_LB, path, wildcard);
        }
    }

    /**
     * Istio's {@code validateLocalities}: the first problem with a list of {@code region/zone/subzone}
     * localities, where a trailing {@code *} covers the rest of its level and no locality may overlap another.
     */
    private static Optional<String> overlap(List<String> localities) {
        Map<String, Map<String, Map<String, Boolean>>> seen = new HashMap<>();
        for (String locality : localities) {
            long stars = locality.chars().filter(c -> c == '*').count();
            if (stars > 1 || (stars == 1 && !locality.endsWith("*"))) {
                return Optional.of(String.format(
                        "locality %s wildcard '*' number can not exceed 1 and must be in the end", locality));
            }
            String overlaps = String.format("locality %s overlap with previous specified ones", locality);
            if (seen.containsKey("*")) {
                return Optional.of(overlaps);
            }
            String[] items = locality.split("/", 3);
            if (List.of(items).contains("")) {
                return Optional.of(String.format(
                        "locality %s must not contain empty region/zone/subzone info", locality));
            }
            String region = items[0];
            if (items.length == 1) {
                if (seen.containsKey(region)) {
                    return Optional.of(overlaps);
                }
                seen.put(region, new HashMap<>(Map.of("*", new HashMap<>(Map.of("*", true)))));
                continue;
            }
            String zone = items[1];
            Map<String, Map<String, Boolean>> zones = seen.get(region);
            if (items.length == 2) {
                if (zones != null) {
                    if (zones.containsKey("*") || zones.containsKey(zone)) {
                        return Optional.of(overlaps);
                    }
                    zones.put(zone, new HashMap<>(Map.of("*", true)));
                } else {
                    seen.put(region, new HashMap<>(Map.of(zone, new HashMap<>(Map.of("*", true)))));
                }
                continue;
            }
            String subzone = items[2];
            if (zones == null) {
                seen.put(region, new HashMap<>(Map.of(zone, new HashMap<>(Map.of(subzone, true)))));
                continue;
            }
            if (zones.containsKey("*")) {
                return Optional.of(overlaps);
            }
            Map<String, Boolean> subzones = zones.get(zone);
            if (subzones == null) {
                zones.put(zone, new HashMap<>(Map.of(subzone, true)));
                continue;
            }
            if (Boolean.TRUE.equals(subzones.get("*")) || Boolean.TRUE.equals(subzones.get(subzone))) {
                return Optional.of(overlaps);
            }
            subzones.put(subzone, true);
        }
        return Optional.empty();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
