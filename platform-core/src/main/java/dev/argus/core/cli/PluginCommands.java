package dev.argus.core.cli;

import dev.argus.core.config.ArgusConfig;
import dev.argus.core.config.ConfigException;
import dev.argus.core.plugins.PluginHost;
import dev.argus.core.plugins.PluginStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * {@code argus plugins [list] | install <jar> | remove <plugin-id>}. Install and remove only change
 * the folder; a running Argus notices and reloads by itself.
 */
final class PluginCommands {

    private PluginCommands() {
    }

    static void run(List<String> words, ArgusConfig config) {
        String action = words.isEmpty() ? "list" : words.getFirst();
        switch (action) {
            case "list" -> list(config);
            case "install" -> install(argument(words, "install <plugin.jar>"), config.plugins().dir());
            case "remove" -> remove(argument(words, "remove <plugin-id>"), config.plugins().dir());
            default -> throw new ConfigException("unknown plugins command " + action + " (list, install, remove)");
        }
    }

    private static String argument(List<String> words, String usage) {
        if (words.size() != 2) {
            throw new ConfigException("usage: argus plugins " + usage);
        }
        return words.get(1);
    }

    private static void list(ArgusConfig config) {
        try (PluginHost host = new PluginHost(config.plugins().dir(), config.plugins().extensions(), Clock.systemUTC())) {
            host.start();
            System.out.println("Plugins in " + config.plugins().dir() + ":");
            for (PluginStatus plugin : host.statuses()) {
                System.out.printf("  %-24s %-10s %-8s %s%s%n", plugin.id(), plugin.version() == null ? "-" : plugin.version(),
                        plugin.state(), plugin.jar() == null ? "(built in)" : plugin.jar(),
                        plugin.error() == null ? "" : "  - " + plugin.error());
                for (PluginStatus.ExtensionStatus e : plugin.extensions()) {
                    System.out.printf("      %-14s %-20s %s%s%n", e.kind(), e.id(), e.state(),
                            e.problem() == null ? "" : "  - " + e.problem());
                }
            }
        }
    }

    private static void install(String jarArgument, Path folder) {
        Path jar = Path.of(jarArgument);
        String id = pluginId(jar).orElseThrow(() -> new ConfigException(
                jar + " is not a plugin jar: its manifest has no Plugin-Id"));
        try {
            Files.createDirectories(folder);
            removeJarsOf(id, folder);
            Path target = folder.resolve(jar.getFileName());
            // copy under a temporary name, then move: a watching server never sees half a jar
            Path partial = Files.copy(jar, folder.resolve(jar.getFileName() + ".part"), StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            System.out.println("Installed plugin " + id + " as " + target);
        } catch (IOException e) {
            throw new UncheckedIOException("could not install " + jar, e);
        }
    }

    private static void remove(String id, Path folder) {
        int removed = removeJarsOf(id, folder);
        if (removed == 0) {
            throw new ConfigException("no jar in " + folder + " holds plugin " + id);
        }
        System.out.println("Removed plugin " + id);
    }

    private static int removeJarsOf(String id, Path folder) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            int removed = 0;
            for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).toList()) {
                if (pluginId(jar).filter(id::equals).isPresent()) {
                    Files.delete(jar);
                    removed++;
                }
            }
            return removed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> pluginId(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return Optional.ofNullable(file.getManifest()).map(m -> m.getMainAttributes().getValue("Plugin-Id"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
