package io.gwctl.proxy.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccessLogFormatTest {

    @Test
    void printsEnvoysDefaultFormatWithDashesForWhatIsMissing() {
        AccessLogEntry e = new AccessLogEntry(Instant.parse("2026-12-04T13:00:00.123Z"), "GET", "/status/200",
                "HTTP/1.1", 200, "", 0, 12, 3, 1, "127.0.0.1", "curl/7.88.1",
                "1c3baa25-768a-4535-bfe1-0f29da8ece35", "httpbin.example.com", "127.0.0.1:9000");
        assertThat(AccessLogFormat.format(e)).isEqualTo("[2026-12-04T13:00:00.123Z] \"GET /status/200 HTTP/1.1\" 200 - "
                + "0 12 3 1 \"127.0.0.1\" \"curl/7.88.1\" \"1c3baa25-768a-4535-bfe1-0f29da8ece35\" "
                + "\"httpbin.example.com\" \"127.0.0.1:9000\"");
    }

    @Test
    void aLocalReplyHasItsFlagAndNoUpstream() {
        AccessLogEntry e = new AccessLogEntry(Instant.parse("2026-12-04T13:00:00Z"), "GET", "/", "HTTP/2", 404, "NR",
                0, 0, 0, -1, null, null, null, "127.0.0.1:10080", null);
        assertThat(AccessLogFormat.format(e)).isEqualTo("[2026-12-04T13:00:00.000Z] \"GET / HTTP/2\" 404 NR 0 0 0 - "
                + "\"-\" \"-\" \"-\" \"127.0.0.1:10080\" \"-\"");
    }
}
