package io.gwctl.cli.version;

import java.util.List;
import java.util.Objects;

/**
 * One API version gwctl reads, and the kinds it reads in it.
 *
 * @param apiVersion as written in {@code apiVersion:} ({@code networking.istio.io/v1}, or {@code v1} for the core group)
 * @param kinds      the kinds accepted in it, in the order of the model's registry
 */
public record ApiVersion(String apiVersion, List<String> kinds) {

    public ApiVersion {
        Objects.requireNonNull(apiVersion, "apiVersion");
        kinds = List.copyOf(kinds);
    }
}
