package io.gwctl.cli.version;

import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.gwctl.cli.GwctlCommand;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code gwctl version} and {@code gwctl --version} report: gwctl's own version, the Java runtime it
 * runs on, and the APIs it reads and writes, like {@code kubectl version} and {@code istioctl version} put
 * the client's build and the API it speaks side by side.
 *
 * @param version      gwctl's version, from the jar's manifest; {@code dev} when run from classes
 * @param javaVersion  {@code java.version}
 * @param javaVendor   {@code java.vendor}
 * @param javaVm       {@code java.vm.name}
 * @param platform     {@code os/arch}, as kubectl prints it
 * @param apis         the Kubernetes and Istio API versions gwctl reads
 * @param envoyApi     the Envoy xDS API version gwctl renders ({@code v3})
 */
public record VersionInfo(String version, String javaVersion, String javaVendor, String javaVm, String platform,
        List<ApiVersion> apis, String envoyApi) {

    public VersionInfo {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(javaVersion, "javaVersion");
        Objects.requireNonNull(javaVendor, "javaVendor");
        Objects.requireNonNull(javaVm, "javaVm");
        Objects.requireNonNull(platform, "platform");
        apis = List.copyOf(apis);
        Objects.requireNonNull(envoyApi, "envoyApi");
    }

    /** This gwctl on this runtime. */
    public static VersionInfo current() {
        String version = GwctlCommand.class.getPackage().getImplementationVersion();
        return new VersionInfo(version == null ? "dev" : version,
                System.getProperty("java.version"), System.getProperty("java.vendor"), System.getProperty("java.vm.name"),
                System.getProperty("os.name").toLowerCase(Locale.ROOT) + "/" + System.getProperty("os.arch"),
                SupportedApis.all(), envoyApiVersion());
    }

    /**
     * The version segment of the Envoy proto package gwctl builds its config from
     * ({@code envoy.config.route.v3} gives {@code v3}), so it follows the generated API rather than a constant.
     */
    static String envoyApiVersion() {
        String pkg = RouteConfiguration.getDescriptor().getFile().getPackage();
        return pkg.substring(pkg.lastIndexOf('.') + 1);
    }

    /** The report for people: the first line is {@code gwctl VERSION}, as {@code --version} conventionally starts. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("gwctl " + version);
        lines.add("Java " + javaVersion + " (" + javaVendor + ", " + javaVm + ") on " + platform);
        lines.add("Kubernetes and Istio APIs:");
        int width = apis.stream().mapToInt(a -> a.apiVersion().length()).max().orElse(0);
        for (ApiVersion api : apis) {
            lines.add("  " + pad(api.apiVersion(), width) + "  " + String.join(", ", api.kinds()));
        }
        lines.add("Envoy API: " + envoyApi);
        return lines;
    }

    /** The report as data for {@code -o json|yaml}: {@code clientVersion}, as kubectl and istioctl name it. */
    public Map<String, Object> toMap() {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("version", version);
        client.put("javaVersion", javaVersion);
        client.put("javaVendor", javaVendor);
        client.put("javaVm", javaVm);
        client.put("platform", platform);
        List<Map<String, Object>> apiList = new ArrayList<>();
        for (ApiVersion api : apis) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("apiVersion", api.apiVersion());
            m.put("kinds", api.kinds());
            apiList.add(m);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("clientVersion", client);
        doc.put("apiVersions", apiList);
        doc.put("envoyApiVersion", envoyApi);
        return doc;
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }
}
