package io.gwctl.cli.version;

import io.gwctl.model.resource.ResourceType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API versions gwctl understands, read from the model's registry of kinds ({@link ResourceType}) so that
 * {@code gwctl version} cannot drift from what the reader accepts.
 *
 * <p>Groups keep the registry's order; within a group, versions are listed newest first in Kubernetes'
 * version priority (GA before beta before alpha, higher numbers first), as {@code kubectl api-versions}
 * users read them (kubernetes/apimachinery pkg/version/helpers.go).
 */
public final class SupportedApis {

    private static final Pattern KUBE_VERSION = Pattern.compile("v(\\d+)(?:(alpha|beta)(\\d+))?");

    private SupportedApis() {
    }

    /** Every API version with its kinds. */
    public static List<ApiVersion> all() {
        Map<String, Map<String, List<String>>> byGroup = new LinkedHashMap<>();
        for (ResourceType type : ResourceType.values()) {
            Map<String, List<String>> versions = byGroup.computeIfAbsent(type.group(), g -> new LinkedHashMap<>());
            for (String version : type.versions()) {
                versions.computeIfAbsent(version, v -> new ArrayList<>()).add(type.kind());
            }
        }
        List<ApiVersion> all = new ArrayList<>();
        byGroup.forEach((group, versions) -> versions.keySet().stream()
                .sorted(SupportedApis::byPriority)
                .forEach(v -> all.add(new ApiVersion(group.isEmpty() ? v : group + "/" + v, versions.get(v)))));
        return List.copyOf(all);
    }

    /** Newest first: {@code v2 > v1 > v1beta2 > v1beta1 > v1alpha3}; names outside that pattern last, by name. */
    static int byPriority(String a, String b) {
        return Comparator.comparing(SupportedApis::rank).reversed().thenComparing(Comparator.naturalOrder())
                .compare(a, b);
    }

    private static Rank rank(String version) {
        Matcher m = KUBE_VERSION.matcher(version);
        if (!m.matches()) {
            return new Rank(0, 0, 0);
        }
        int major = Integer.parseInt(m.group(1));
        if (m.group(2) == null) {
            return new Rank(3, major, 0);
        }
        return new Rank(m.group(2).equals("beta") ? 2 : 1, major, Integer.parseInt(m.group(3)));
    }

    /** Stability first (GA 3, beta 2, alpha 1, other 0), then the major and minor numbers. */
    private record Rank(int stability, int major, int minor) implements Comparable<Rank> {
        @Override
        public int compareTo(Rank o) {
            return Comparator.comparingInt(Rank::stability).thenComparingInt(Rank::major)
                    .thenComparingInt(Rank::minor).compare(this, o);
        }
    }
}
