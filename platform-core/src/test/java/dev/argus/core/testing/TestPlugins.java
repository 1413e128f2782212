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
