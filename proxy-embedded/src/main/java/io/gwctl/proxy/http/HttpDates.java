package io.gwctl.proxy.http;

import io.netty.handler.codec.DateFormatter;
import java.util.Date;

/** The {@code Date} header value, formatted at most once a second per thread. */
final class HttpDates {

    private static final ThreadLocal<long[]> SECOND = ThreadLocal.withInitial(() -> new long[] {-1});
    private static final ThreadLocal<String[]> TEXT = ThreadLocal.withInitial(() -> new String[1]);

    private HttpDates() {
    }

    static String now() {
        long second = System.currentTimeMillis() / 1000;
        long[] cached = SECOND.get();
        String[] text = TEXT.get();
        if (cached[0] != second) {
            cached[0] = second;
            text[0] = DateFormatter.format(new Date(second * 1000));
        }
        return text[0];
    }
}
