package io.gwctl.proxy.admin;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;

/**
 * What one admin request answers: a status, a content type and the body.
 *
 * @param status      the HTTP status code
 * @param contentType the {@code content-type}
 * @param body        the body bytes, never changed after construction
 */
record AdminResponse(int status, String contentType, byte[] body) {

    static final String TEXT = "text/plain; charset=UTF-8";
    static final String JSON = "application/json";

    AdminResponse {
        requireNonNull(contentType, "contentType");
        requireNonNull(body, "body");
    }

    static AdminResponse text(int status, String body) {
        return new AdminResponse(status, TEXT, body.getBytes(StandardCharsets.UTF_8));
    }

    static AdminResponse json(String body) {
        return new AdminResponse(200, JSON, body.getBytes(StandardCharsets.UTF_8));
    }
}
