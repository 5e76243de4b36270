package io.gwctl.proxy.sample;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.atomic.LongAdder;

/** What every connection of one sample backend shares: its name, the requests it served and its /flaky counters. */
final class BackendState {

    private final String name;
    private final LongAdder requests = new LongAdder();
    private final FlakyCounter flaky = new FlakyCounter();

    BackendState(String name) {
        this.name = requireNonNull(name, "name");
    }

    String name() {
        return name;
    }

    void countRequest() {
        requests.increment();
    }

    long requests() {
        return requests.sum();
    }

    FlakyCounter flaky() {
        return flaky;
    }
}
