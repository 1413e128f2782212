package dev.argus.core.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A key kept in a file of the data directory: created on first start, readable by its owner only
 * ({@code 0600}). Shipping a default key would make every installation share it.
 */
public final class KeyFile {

    private static final System.Logger LOG = System.getLogger(KeyFile.class.getName());
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private KeyFile() {
    }

    /** The file's content, creating it with {@code generator}'s output when it does not exist. */
    public static String readOrCreate(Path file, Supplier<String> generator) {
        try {
            if (!Files.exists(file)) {
                create(file, generator.get());
            }
            warnIfReadableByOthers(file);
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the key file " + file, e);
        }
    }

    private static void create(Path file, String content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        try {
            if (posix) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            return; // another node sharing the data directory created it first
        }
        Files.writeString(file, content + "\n", StandardCharsets.UTF_8);
        LOG.log(System.Logger.Level.INFO, "Created key file {0} (owner read/write only); back it up", file);
    }

    private static void warnIfReadableByOthers(Path file) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (!OWNER_ONLY.containsAll(permissions)) {
            LOG.log(System.Logger.Level.WARNING, "Key file {0} is accessible by others ({1}); chmod 600 it", file,
                    PosixFilePermissions.toString(permissions));
        }
    }
}
