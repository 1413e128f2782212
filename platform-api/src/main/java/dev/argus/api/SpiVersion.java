package dev.argus.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this API. Plugins state the range they were built for in their
 * {@code Plugin-Requires} manifest entry; the host refuses plugins whose range excludes it.
 * Breaking changes bump the major version.
 */
public final class SpiVersion {
    /** The SPI version of the {@code platform-api} jar on the host's class path, e.g. {@code 0.1.0}. */
    public static final String CURRENT = load();

    private SpiVersion() {
    }

    private static String load() {
        try (InputStream in = SpiVersion.class.getResourceAsStream("spi.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("spi.properties missing from platform-api", e));
        }
    }
}
