package dev.argus.core.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/** Plugin jars for tests: the real bundled ones (built earlier in the reactor) and hand-made broken ones. */
public final class TestPlugins {

    private TestPlugins() {
    }

    /** The folder Maven copied the bundled plugin jars to. */
    public static Path bundledDir() {
        return Path.of(System.getProperty("argus.test.plugins", "target/test-plugins"));
    }

    /** Copies a bundled plugin jar (e.g. {@code provider-mock.jar}) into {@code dir}. */
    public static Path copyBundled(String jarName, Path dir) throws IOException {
        Files.createDirectories(dir);
        return Files.copy(bundledDir().resolve(jarName), dir.resolve(jarName), StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Compiles one extension class against the plugin API and packs it as a plugin jar, the way a
     * third party would build it (annotation processing writes META-INF/extensions.idx).
     *
     * @param className fully qualified name of the extension class
     * @param source    its Java source
     */
    public static Path compilePlugin(Path file, String pluginId, String requires, String className, String source)
            throws IOException {
        Path work = Files.createTempDirectory("argus-plugin-src");
        Path src = work.resolve("src").resolve(className.replace('.', '/') + ".java");
        Path classes = Files.createDirectories(work.resolve("classes"));
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        javax.tools.JavaCompiler compiler = javax.tools.ToolProvider.getSystemJavaCompiler();
        int status = compiler.run(null, null, null, "-proc:full", "-classpath", System.getProperty("java.class.path"),
                "-d", classes.toString(), src.toString());
        if (status != 0) {
            throw new IllegalStateException("test plugin did not compile");
        }
        Map<String, byte[]> entries = new java.util.TreeMap<>();
        try (var walk = Files.walk(classes)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                entries.put(classes.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
            }
        }
        return jar(file, Map.of("Plugin-Id", pluginId, "Plugin-Version", "1.0.0", "Plugin-Requires", requires),
                entries);
    }

    /** Writes a jar with the given manifest entries and files. */
    public static Path jar(Path file, Map<String, String> manifestEntries, Map<String, byte[]> entries) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifestEntries.forEach((k, v) -> manifest.getMainAttributes().putValue(k, v));
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            for (var e : entries.entrySet()) {
                jar.putNextEntry(new ZipEntry(e.getKey()));
                jar.write(e.getValue());
                jar.closeEntry();
            }
        }
        return file;
    }
}
