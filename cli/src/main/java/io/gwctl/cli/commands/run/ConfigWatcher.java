package io.gwctl.cli.commands.run;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Watches the {@code -f} paths (a file's directory, a directory and every directory below it), and the
 * certificate files the config serving now reads (asked for at the start and after every change), and calls
 * back once a burst of changes has settled, so an editor's save-by-rename is one reload. Runs on its own
 * daemon thread, never on an event loop.
 */
final class ConfigWatcher implements AutoCloseable {

    /** How long the files must stay quiet before a reload: editors write in several steps. */
    private static final long SETTLE_MILLIS = 200;

    private final WatchService watch;
    private final Thread thread;
    /** The files given by name, and certificate files: in their directory, only they count. */
    private final Set<Path> files = ConcurrentHashMap.newKeySet();
    private final Set<Path> registered = ConcurrentHashMap.newKeySet();
    /** The directories given (and those below them): there, every config file counts. */
    private final Set<Path> trees = new HashSet<>();

    /**
     * @param certificates the certificate, key and CA files of the config serving now (absolute paths)
     */
    ConfigWatcher(List<String> paths, Runnable onChange, Supplier<? extends Collection<Path>> certificates)
            throws IOException {
        this.watch = FileSystems.getDefault().newWatchService();
        for (String p : paths) {
            Path path = Path.of(p).toAbsolutePath().normalize();
            if (Files.isDirectory(path)) {
                trees.add(path);
                Files.walkFileTree(path, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                        register(dir);
                        return FileVisitResult.CONTINUE;
                    }
                });
            } else if (path.getParent() != null) {
                files.add(path);
                register(path.getParent());
            }
        }
        watchFiles(certificates.get());
        this.thread = new Thread(() -> run(() -> {
            onChange.run();
            watchFiles(certificates.get());
        }), "gwctl-config-watch");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Watches {@code paths} too; files watched before stay watched (one may come back in a later config). */
    private void watchFiles(Collection<Path> paths) {
        for (Path path : paths) {
            Path absolute = path.toAbsolutePath().normalize();
            if (absolute.getParent() == null || !files.add(absolute)) {
                continue;
            }
            try {
                register(absolute.getParent());
            } catch (IOException e) {
                // A directory that cannot be watched: the file is read again on the next reload all the same.
            }
        }
    }

    private void register(Path dir) throws IOException {
        if (registered.add(dir)) {
            dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        }
    }

    private void run(Runnable onChange) {
        try {
            while (true) {
                boolean relevant = drain(watch.take());
                WatchKey more;
                while ((more = watch.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    relevant |= drain(more);
                }
                if (relevant) {
                    onChange.run();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException e) {
            // Closed on shutdown.
        }
    }

    /** Takes the key's events; whether one of them is about config (not, say, a log file beside it). */
    private boolean drain(WatchKey key) {
        boolean relevant = false;
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                relevant = true;
            } else if (event.context() instanceof Path name) {
                relevant |= counts(dir.resolve(name));
            }
        }
        key.reset();
        return relevant;
    }

    private boolean counts(Path changed) {
        if (files.contains(changed)) {
            return true;
        }
        String name = changed.getFileName().toString();
        boolean config = name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
        return config && trees.stream().anyMatch(changed::startsWith);
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
