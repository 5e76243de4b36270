package io.gwctl.validate.analysis.serviceentry;

/** The field paths the ServiceEntry analyzers point at; each takes the indexes it names. */
final class ServiceEntryPaths {

    private ServiceEntryPaths() {
    }

    /** {@code spec.ports[i].protocol}. */
    static String portProtocol(int port) {
        return "spec.ports[" + port + "].protocol";
    }
}
