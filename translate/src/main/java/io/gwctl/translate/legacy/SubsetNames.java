package io.gwctl.translate.legacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Names a DestinationRule subset after the labels that select it. Istio's {@code labelsToSubsetName}
 * (istioctl/pkg/convert/route.go) joined sorted {@code k=v} pairs with commas and replaced {@code =} and
 * {@code .}, so one label gave {@code version-1-0} but two gave {@code env-prod,version-v1}, which is not a
 * DNS-1123 label. This keeps Istio's names for one label and joins several with {@code -}; anything
 * outside {@code [a-z0-9-]} becomes {@code -}, and a name over 63 characters is cut and suffixed with a hash.
 */
final class SubsetNames {

    static final String DEFAULT = "default";
    private static final int MAX = 63;

    private SubsetNames() {
    }

    /** The subset name for {@code labels}; {@link #DEFAULT} for none. */
    static String of(Map<String, String> labels) {
        if (labels == null || labels.isEmpty()) {
            return DEFAULT;
        }
        StringBuilder raw = new StringBuilder();
        new TreeMap<>(labels).forEach((k, v) -> {
            if (!raw.isEmpty()) {
                raw.append('-');
            }
            raw.append(k);
            if (v != null && !v.isEmpty()) {
                raw.append('-').append(v);
            }
        });
        String name = raw.toString().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-")
                .replaceAll("^-+|-+$", "");
        if (name.isEmpty()) {
            name = "subset";
        }
        if (name.length() <= MAX) {
            return name;
        }
        String hash = hash(raw.toString());
        return name.substring(0, MAX - hash.length() - 1).replaceAll("-+$", "") + "-" + hash;
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
