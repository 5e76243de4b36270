package io.gwctl.validate.rules.virtualservice;

import io.gwctl.validate.diagnostic.GoFormat;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Header names as Istio checks them in VirtualServices (pkg/config/validation/validation.go):
 * {@code ValidateHTTPHeaderNameOrJwtClaimRoute} for matches, {@code ValidateCORSHTTPHeaderName} for CORS,
 * {@code ValidateHTTPHeaderWithAuthorityOperationName} and {@code ValidateHTTPHeaderOperationName} for header
 * operations, and {@code jwt.ToRoutingClaim} for the {@code @request.auth.claims} pseudo-header.
 */
final class HeaderNames {

    /** RFC 7230 token characters. */
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+\\-.^_`|~A-Za-z0-9]+");
    private static final Set<String> PSEUDO_HEADERS = Set.of(":method", ":scheme", ":authority", ":path", ":status");
    private static final String JWT_CLAIM = "@request.auth.claims";

    private HeaderNames() {
    }

    /**
     * Whether {@code name} routes on a JWT claim: {@code @request.auth.claims.<claim>[.<claim>]} or
     * {@code @request.auth.claims[<claim>][<claim>]} (prefix case-insensitive).
     */
    static boolean isJwtClaim(String name) {
        if (!name.regionMatches(true, 0, JWT_CLAIM, 0, JWT_CLAIM.length())) {
            return false;
        }
        String claims = name.substring(JWT_CLAIM.length());
        return (claims.startsWith(".") && claims.length() > 1)
                || (claims.startsWith("[") && claims.endsWith("]") && claims.length() > 2);
    }

    /** A header a match reads: a token, a pseudo-header, or a JWT claim. */
    static Optional<String> checkMatched(String name) {
        if (name.isEmpty()) {
            return Optional.of("header name cannot be empty");
        }
        if (isJwtClaim(name) || PSEUDO_HEADERS.contains(name) || TOKEN.matcher(name).matches()) {
            return Optional.empty();
        }
        return Optional.of("header name " + name + " is not a valid header name");
    }

    /** A header a CORS policy allows or exposes: a token, or {@code *}. */
    static Optional<String> checkCors(String name) {
        if (name.isEmpty()) {
            return Optional.of("header name cannot be empty");
        }
        if (name.equals("*") || TOKEN.matcher(name).matches()) {
            return Optional.empty();
        }
        return Optional.of("header name " + name + " is not a valid header name");
    }

    /**
     * A request header to add or set: no pseudo-header except {@code :authority}, which like {@code Host}
     * rewrites the authority (checked once for the whole route).
     */
    static Optional<String> checkRequestSet(String name) {
        if (name.isEmpty()) {
            return Optional.of("header name cannot be empty");
        }
        if (name.startsWith(":") && !isAuthority(name)) {
            return Optional.of("invalid header " + GoFormat.quote(name) + ": header cannot have \":\" prefix");
        }
        return Optional.empty();
    }

    /** A header to remove, or a response header to add or set: neither {@code Host} nor a pseudo-header. */
    static Optional<String> checkOperation(String name) {
        if (name.isEmpty()) {
            return Optional.of("header name cannot be empty");
        }
        if (name.equalsIgnoreCase("host")) {
            return Optional.of("invalid header " + GoFormat.quote(name) + ": cannot set Host header");
        }
        if (name.startsWith(":")) {
            return Optional.of("invalid header " + GoFormat.quote(name) + ": header cannot have \":\" prefix");
        }
        return Optional.empty();
    }

    /** Whether setting {@code name} rewrites the authority: {@code :authority} or {@code Host}, any case. */
    static boolean isAuthority(String name) {
        return name.equalsIgnoreCase(":authority") || name.equalsIgnoreCase("host");
    }
}
