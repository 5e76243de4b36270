package io.gwctl.translate.envoy.gateway;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Host names as pilot compares them: the namespace scoping of server hosts ({@code ns/host}, {@code ./host},
 * {@code *}{@code /host}; pilot {@code host.NamesForNamespace} after {@code sanitizeServerHostNamespace}),
 * wildcard matching and the intersection of server and VirtualService hosts where the more specific side of
 * each matching pair is kept ({@code host.Names.Intersection}), and the gateway references of a
 * VirtualService ({@code model.resolveGatewayName}).
 */
final class GatewayHosts {

    static final String MESH = "mesh";

    private GatewayHosts() {
    }

    /** The server's hosts visible to config in {@code namespace}, without their namespace part. */
    static List<String> forNamespace(List<String> serverHosts, String gatewayNamespace, String namespace) {
        List<String> visible = new ArrayList<>();
        for (String h : serverHosts) {
            int slash = h.indexOf('/');
            if (slash < 0) {
                visible.add(lower(h));
                continue;
            }
            String ns = h.substring(0, slash);
            if (ns.equals(".")) {
                ns = gatewayNamespace;
            }
            if (ns.equals("*") || ns.equals(namespace)) {
                visible.add(lower(h.substring(slash + 1)));
            }
        }
        return visible;
    }

    /** The host part of a server host, whatever its namespace. */
    static String hostPart(String serverHost) {
        int slash = serverHost.indexOf('/');
        return lower(slash < 0 ? serverHost : serverHost.substring(slash + 1));
    }

    /** Whether one of the two names matches the other ({@code host.Name.Matches}). */
    static boolean matches(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        boolean wa = a.startsWith("*");
        boolean wb = b.startsWith("*");
        if (wa && !wb) {
            return b.endsWith(a.substring(1));
        }
        if (wb && !wa) {
            return a.endsWith(b.substring(1));
        }
        if (wa && wb) {
            String sa = a.substring(1);
            String sb = b.substring(1);
            return sa.length() > sb.length() ? sa.endsWith(sb) : sb.endsWith(sa);
        }
        return false;
    }

    /** For each matching pair, the more specific name, in the order of {@code server}. */
    static List<String> intersection(List<String> server, List<String> virtualService) {
        Set<String> out = new LinkedHashSet<>();
        for (String a : server) {
            for (String b : virtualService) {
                String lb = lower(b);
                if (matches(a, lb)) {
                    out.add(moreSpecific(a, lb));
                }
            }
        }
        return List.copyOf(out);
    }

    static String moreSpecific(String a, String b) {
        boolean wa = a.startsWith("*");
        boolean wb = b.startsWith("*");
        if (wa != wb) {
            return wa ? b : a;
        }
        return a.length() >= b.length() ? a : b;
    }

    /**
     * The {@code namespace/name} a VirtualService in {@code namespace} means by {@code ref}: {@code ns/name} and
     * {@code ./name} (this namespace), the legacy {@code name.ns[.svc...]} form, or a short name in this
     * namespace; {@code mesh} stays {@code mesh}.
     */
    static String resolveGateway(String ref, String namespace) {
        if (ref.equals(MESH)) {
            return MESH;
        }
        int slash = ref.indexOf('/');
        if (slash >= 0) {
            String ns = ref.substring(0, slash);
            return (ns.equals(".") ? namespace : ns) + "/" + ref.substring(slash + 1);
        }
        int dot = ref.indexOf('.');
        if (dot >= 0) {
            String rest = ref.substring(dot + 1);
            int next = rest.indexOf('.');
            return (next < 0 ? rest : rest.substring(0, next)) + "/" + ref.substring(0, dot);
        }
        return namespace + "/" + ref;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
