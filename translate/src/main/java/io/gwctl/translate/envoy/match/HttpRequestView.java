package io.gwctl.translate.envoy.match;

import java.util.List;

/** What the route matchers read of a request. */
public interface HttpRequestView {
    String host();

    String path();

    String method();

    boolean tls();

    List<String> header(String lowerCaseName);
}
