package dev.argus.plugins.semantic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Loads DJL's tokenizer library for this plugin's class loader. DJL extracts the library to one
 * fixed path ({@code ~/.djl.ai/tokenizers/…}) and the JVM binds a native library file to the first
 * class loader that loads it: a second plugin class loader in the same JVM (the host started twice,
 * a plugin reloaded) gets "already loaded in another classloader", which DJL logs and ignores, and
 * then every tokenizer call fails with {@link UnsatisfiedLinkError}. DJL calls this class instead of
 * {@link System#load} (system property {@code ai.djl.huggingface.native_helper}, resolved through
 * the thread's context class loader, i.e. this plugin's): it loads the shared file when no other
 * loader holds it, and otherwise a private copy, so each class loader gets its own binding.
 */
public final class PluginLocalNativeLoader {

    private PluginLocalNativeLoader() {
    }

    /** Called by DJL with the path of the extracted library. */
    public static void load(String path) {
        try {
            System.load(path);
        } catch (UnsatisfiedLinkError e) {
            if (e.getMessage() == null || !e.getMessage().contains("another classloader")) {
                throw e;
            }
            System.load(privateCopy(Path.of(path)).toString());
        }
    }

    private static Path privateCopy(Path library) {
        try {
            Path dir = Files.createTempDirectory("argus-native-");
            Path copy = dir.resolve(library.getFileName());
            Files.copy(library, copy, StandardCopyOption.REPLACE_EXISTING);
            copy.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + library + " for this plugin's class loader", e);
        }
    }
}
