package io.gwctl.cli.commands.run;

import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.UserException;
import io.gwctl.proxy.sample.SampleBackend;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gwctl sample-backend}: the httpbin-like backend on its own, for {@code run-gateway --upstream}. */
@Command(name = "sample-backend", sortOptions = false,
        description = {"Run gwctl's httpbin-like sample backend: /status/N, /delay/N, /headers, /get, /anything, "
                + "/bytes/N, /stream/N, /flaky/N, /echo and a WebSocket echo at /ws; every answer names the backend "
                + "in x-backend-name."})
public final class SampleBackendCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--name", paramLabel = "NAME", defaultValue = "httpbin",
            description = "The name the backend answers with (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8000",
            description = "The port to listen on; 0 for any free port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "The address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new UserException(ExitCodes.USAGE, "--port must be in 0-65535");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new UserException(ExitCodes.USAGE, "--bind " + bind + ": not an address of this machine");
        }
        SampleBackend backend;
        try {
            backend = SampleBackend.start(name, new InetSocketAddress(address, port));
        } catch (RuntimeException e) {
            throw new UserException(ExitCodes.USAGE, "cannot listen on " + bind + ":" + port + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
        }
        try (backend) {
            PrintWriter out = spec.commandLine().getOut();
            out.println("sample backend " + name + " on http://" + RunGatewayCommand.hostPort(backend.address()));
            out.println("ready");
            out.flush();
            CountDownLatch stopped = new CountDownLatch(1);
            ShutdownSignals.install(stopped::countDown);
            stopped.await();
        }
        return ExitCodes.OK;
    }
}
