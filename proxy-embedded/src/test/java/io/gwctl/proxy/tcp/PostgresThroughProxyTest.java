package io.gwctl.proxy.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code psql -c 'select 1'} through the proxy to a real PostgreSQL, started for the test in a temporary
 * directory. Skipped when {@code initdb}, {@code pg_ctl} or {@code psql} is not on the PATH. PostgreSQL refuses
 * to run as root: there it runs as the {@code postgres} user through {@code runuser}, or the test is skipped.
 */
@Timeout(120)
class PostgresThroughProxyTest {

    @TempDir
    Path dir;

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String entry : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(entry, command))) {
                return true;
            }
        }
        return false;
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean done = p.waitFor(60, TimeUnit.SECONDS);
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!done) {
            p.destroyForcibly();
            return new Result(-1, output);
        }
        return new Result(p.exitValue(), output);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void psqlSelectsOneThroughTheProxy() throws Exception {
        assumeTrue(onPath("initdb") && onPath("pg_ctl") && onPath("psql"), "PostgreSQL is not installed");
        List<String> as = new ArrayList<>();
        String user = System.getProperty("user.name");
        if ("root".equals(user)) {
            assumeTrue(onPath("runuser"), "running as root without runuser");
            as.addAll(List.of("runuser", "-u", "postgres", "--"));
            user = "postgres";
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        }
        Path data = dir.resolve("data");
        List<String> initdb = new ArrayList<>(as);
        initdb.addAll(List.of("initdb", "-D", data.toString(), "-A", "trust", "-U", user, "--no-sync"));
        Result init = run(initdb);
        assumeTrue(init.exit() == 0, () -> "initdb failed here: " + init.output());

        int pgPort = freePort();
        List<String> start = new ArrayList<>(as);
        start.addAll(List.of("pg_ctl", "-D", data.toString(), "-w", "-t", "30", "-l", dir.resolve("log").toString(),
                "-o", "-p " + pgPort + " -k " + dir + " -c listen_addresses=127.0.0.1", "start"));
        List<String> stop = new ArrayList<>(as);
        stop.addAll(List.of("pg_ctl", "-D", data.toString(), "-m", "immediate", "stop"));
        Result started = run(start);
        try {
            assertThat(started.exit()).as(started.output()).isZero();
            try (TcpProxyHarness proxy = TcpProxyHarness.builder(TcpProxyHarness.echoConfig())
                    .upstreams("tcp-echo:9000=127.0.0.1:" + pgPort).start()) {
                Result select = run(List.of("psql", "-h", "127.0.0.1", "-p", Integer.toString(proxy.port()), "-U", user,
                        "-d", "postgres", "-tA", "-c", "select 1"));
                assertThat(select.exit()).as(select.output()).isZero();
                assertThat(select.output().strip()).isEqualTo("1");
                TcpProxySessionTest.await("the session's log line", () -> !proxy.logLines().isEmpty());
                assertThat(proxy.logLines().get(0)).contains("\"- - -\" 0 - ")
                        .endsWith("\"127.0.0.1:" + pgPort + "\"");
            }
        } finally {
            run(stop);
        }
    }
}
