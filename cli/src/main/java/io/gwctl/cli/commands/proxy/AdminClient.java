package io.gwctl.cli.commands.proxy;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.envoyproxy.envoy.admin.v3.Clusters;
import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.UserException;
import io.gwctl.translate.envoy.EnvoySnapshot;
import io.gwctl.translate.envoy.dump.ConfigDumps;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * Reads a running gateway's admin endpoint ({@code gwctl run-gateway}, or any Envoy's admin), as istioctl
 * reads a proxy's: {@code /config_dump} for the config, {@code /clusters?format=json} for live endpoint health.
 * Every failure is one line for the user: the gateway is not there, did not answer in time, or answered
 * something other than 200.
 */
final class AdminClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI base;
    private final HttpClient client;

    private AdminClient(URI base) {
        this.base = requireNonNull(base, "base");
        this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    /** A client of the admin at {@code url} ({@code http://127.0.0.1:15000}), or a usage error for anything else. */
    static AdminClient of(String url) {
        URI uri;
        try {
            uri = new URI(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        } catch (URISyntaxException e) {
            throw notAnAdminUrl(url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw notAnAdminUrl(url);
        }
        return new AdminClient(uri);
    }

    private static UserException notAnAdminUrl(String url) {
        return new UserException(ExitCodes.USAGE, "--admin wants the admin's URL, like http://127.0.0.1:15000: " + url);
    }

    /** The config the gateway serves, from its {@code /config_dump}. */
    EnvoySnapshot configDump() {
        try {
            return ConfigDumps.fromJson(get("/config_dump"));
        } catch (IOException e) {
            throw new UserException(ExitCodes.FINDINGS, base + "/config_dump: " + e.getMessage());
        }
    }

    /** Every cluster with its hosts' live health and outlier state, from {@code /clusters?format=json}. */
    Clusters clusters() {
        Clusters.Builder clusters = Clusters.newBuilder();
        try {
            JsonFormat.parser().ignoringUnknownFields().merge(get("/clusters?format=json"), clusters);
        } catch (InvalidProtocolBufferException e) {
            throw new UserException(ExitCodes.FINDINGS, base + "/clusters?format=json is not Envoy's clusters JSON: "
                    + e.getMessage());
        }
        return clusters.build();
    }

    /** The body of a GET of {@code pathAndQuery} ({@code /config_dump}), which must answer 200. */
    String get(String pathAndQuery) {
        URI uri = URI.create(base + pathAndQuery);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException e) {
            throw new UserException(ExitCodes.USAGE, "cannot reach the gateway admin at " + base + ": connection refused");
        } catch (HttpTimeoutException e) {
            throw new UserException(ExitCodes.USAGE, "the gateway admin at " + base + " did not answer within "
                    + TIMEOUT.toSeconds() + " s");
        } catch (IOException e) {
            throw new UserException(ExitCodes.USAGE, "cannot read " + uri + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserException(ExitCodes.USAGE, "interrupted while reading " + uri);
        }
        if (response.statusCode() != 200) {
            String firstLine = response.body().lines().findFirst().orElse("").strip();
            throw new UserException(ExitCodes.USAGE, uri + " answered HTTP " + response.statusCode()
                    + (firstLine.isEmpty() ? "" : ": " + firstLine));
        }
        return response.body();
    }

    @Override
    public String toString() {
        return base.toString();
    }
}
