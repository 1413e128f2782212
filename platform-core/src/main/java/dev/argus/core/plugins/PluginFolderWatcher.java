package dev.argus.core.plugins;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;

/**
 * Reloads plugins when jars are dropped into or removed from the folder. Events are debounced so a
 * jar still being copied is loaded once, complete.
 */
public final class PluginFolderWatcher implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(PluginFolderWatcher.class.getName());
    private static final long SETTLE_MILLIS = 750;

    private final WatchService watcher;
    private final Thread thread;

    public PluginFolderWatcher(Path folder, PluginHost host) throws IOException {
        watcher = FileSystems.getDefault().newWatchService();
        folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                StandardWatchEventKinds.ENTRY_MODIFY);
        thread = Thread.ofPlatform().daemon().name("argus-plugin-watch").start(() -> watch(host));
    }

    private void watch(PluginHost host) {
        try {
            while (true) {
                WatchKey key = watcher.take();
                key.pollEvents();
                key.reset();
                // wait until the folder has been quiet for a moment (copies arrive in several events)
                WatchKey more;
                while ((more = watcher.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    more.pollEvents();
                    more.reset();
                }
                try {
                    host.reload();
                } catch (RuntimeException | LinkageError e) {
                    // keep watching: one bad jar must not end hot reloading for every plugin
                    LOG.log(System.Logger.Level.ERROR, "Reloading plugins failed", e);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closing
        }
    }

    @Override
    public void close() throws IOException {
        watcher.close();
        thread.interrupt();
    }
}
