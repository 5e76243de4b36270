package io.gwctl.cli.commands.run;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Watches the {@code -f} paths (a file's directory, a directory and every directory below it) and calls back
 * once a burst of changes has settled, so an editor's save-by-rename is one reload. Runs on its own daemon
 * thread, never on an event loop.
 */
final class ConfigWatcher implements AutoCloseable {

    /** How long the files must stay quiet before a reload: editors write in several steps. */
    private static final long SETTLE_MILLIS = 200;

    private final WatchService watch;
    private final Thread thread;

    ConfigWatcher(List<String> paths, Runnable onChange) throws IOException {
        this.watch = FileSystems.getDefault().newWatchService();
        for (String p : paths) {
            Path path = Path.of(p).toAbsolutePath();
            if (Files.isDirectory(path)) {
                Files.walkFileTree(path, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                        register(dir);
                        return FileVisitResult.CONTINUE;
                    }
                });
            } else if (path.getParent() != null) {
                register(path.getParent());
            }
        }
        this.thread = new Thread(() -> run(onChange), "gwctl-config-watch");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void register(Path dir) throws IOException {
        dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
    }

    private void run(Runnable onChange) {
        try {
            while (true) {
                WatchKey key = watch.take();
                drain(key);
                WatchKey more;
                while ((more = watch.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    drain(more);
                }
                onChange.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException e) {
            // Closed on shutdown.
        }
    }

    private static void drain(WatchKey key) {
        key.pollEvents();
        key.reset();
    }

    @Override
    public void close() {
        try {
            watch.close();
        } catch (IOException e) {
            // Nothing is left to watch either way.
        }
        thread.interrupt();
    }
}
