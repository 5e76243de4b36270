package io.gwctl.proxy.stats;

/**
 * How Envoy files a response code into stats (envoyproxy/envoy source/common/http/codes.cc,
 * {@code CodeStatsImpl::chargeBasicResponseStat}): a counter per code from 100 to 599
 * ({@code upstream_rq_200}), {@code upstream_rq_Unknown} for any other code, and a counter per class
 * ({@code upstream_rq_2xx}) only for the five classes.
 */
final class ResponseCodes {

    /** The first code with its own counter. */
    static final int FIRST = 100;
    /** Slots: one per code 100..599, then one for every other code. */
    static final int CODE_SLOTS = 501;
    /** Slots: one per class 1xx..5xx. */
    static final int CLASS_SLOTS = 5;

    private ResponseCodes() {
    }

    /** The slot of {@code status} among {@link #CODE_SLOTS}. */
    static int codeSlot(int status) {
        return status >= FIRST && status < 600 ? status - FIRST : CODE_SLOTS - 1;
    }

    /** The leaf name of a code slot with {@code prefix} ({@code "upstream_rq_"}): {@code upstream_rq_404}. */
    static String codeName(String prefix, int slot) {
        return slot == CODE_SLOTS - 1 ? prefix + "Unknown" : prefix + (slot + FIRST);
    }

    /** The class slot (0 for 1xx) of {@code status}, or -1 when the code is outside 100..599. */
    static int classSlot(int status) {
        return status >= FIRST && status < 600 ? status / 100 - 1 : -1;
    }

    /** The leaf name of a class slot with {@code prefix}: {@code downstream_rq_2xx}. */
    static String className(String prefix, int slot) {
        return prefix + (slot + 1) + "xx";
    }
}
