package dev.argus.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Finds the jars that {@link ArgusTest#plugins()} names. */
final class PluginJars {

    private PluginJars() {
    }

    /**
     * The jars matching each pattern, relative to {@code base}.
     *
     * @throws ExtensionConfigurationException when a pattern matches no jar
     */
    static List<Path> find(Path base, List<String> patterns) {
        List<Path> jars = new ArrayList<>();
        for (String pattern : patterns) {
            List<Path> matched = match(base, pattern);
            if (matched.isEmpty()) {
                throw new ExtensionConfigurationException("@ArgusTest(plugins) pattern '" + pattern
                        + "' matches no plugin jar under " + base.toAbsolutePath().normalize()
                        + ". Plugin jars exist only after 'package': run tests that load them as integration"
                        + " tests (maven-failsafe-plugin, classes named *IT, 'mvn verify'), or name the jar explicitly.");
            }
            matched.stream().filter(p -> !jars.contains(p)).forEach(jars::add);
        }
        return jars;
    }

    private static List<Path> match(Path base, String pattern) {
        Path direct = base.resolve(pattern);
        if (!pattern.contains("*") && !pattern.contains("?") && !pattern.contains("{")) {
            return Files.isRegularFile(direct) ? List.of(direct.toAbsolutePath().normalize()) : List.of();
        }
        // glob patterns apply to the file name within the (literal) folder part of the pattern
        Path folder = direct.getParent() == null ? base : direct.getParent();
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + direct.getFileName());
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).filter(f -> matcher.matches(f.getFileName()))
                    .filter(PluginJars::isPluginCandidate).map(p -> p.toAbsolutePath().normalize()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Leaves out the jars Maven builds beside a plugin that are not the plugin. */
    private static boolean isPluginCandidate(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".jar") && !name.endsWith("-sources.jar") && !name.endsWith("-javadoc.jar")
                && !name.endsWith("-tests.jar") && !name.endsWith("-test-sources.jar") && !name.startsWith("original-");
    }
}
