package dev.argus.testkit;

import dev.argus.core.Argus;
import dev.argus.core.config.ArgusConfig;
import dev.argus.core.config.ConfigLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Argus started for a test class: its own data folder, plugins folder and database, configured
 * only from what the kit sets here (the test JVM's {@code ARGUS_*} environment is not read), with a
 * project, an admin user and an API key created through Argus's headless initialisation.
 */
@SuppressWarnings("deprecation") // CloseableResource: still honoured by every JUnit 5 release; AutoCloseable by 5.13+
final class StartedArgus implements AutoCloseable, ExtensionContext.Store.CloseableResource {

    static final String PROJECT = "plugin-tests";
    static final String ADMIN_EMAIL = "admin@argus.test";

    private final Argus argus;
    private final PostgresServer server;
    private final PostgresServer.TestDatabase database;
    private final Path home;
    private final ArgusClient client;
    private boolean closed;

    private StartedArgus(Argus argus, PostgresServer server, PostgresServer.TestDatabase database, Path home,
                         ArgusClient client) {
        this.argus = argus;
        this.server = server;
        this.database = database;
        this.home = home;
        this.client = client;
    }

    /**
     * Copies the plugin jars, creates a database and starts Argus on a free loopback port.
     *
     * @param pluginPatterns jar paths or globs relative to the working directory
     * @param settings       {@code extension.setting=value} entries
     */
    static StartedArgus start(List<String> pluginPatterns, List<String> settings) {
        List<Path> jars = PluginJars.find(Path.of("").toAbsolutePath(), pluginPatterns);
        Map<String, Map<String, String>> extensionSettings = parseSettings(settings);
        PostgresServer server = PostgresServer.shared();
        PostgresServer.TestDatabase database = server.createDatabase();
        Path home = null;
        try {
            home = Files.createTempDirectory("argus-testkit");
            Path plugins = Files.createDirectories(home.resolve("plugins"));
            for (Path jar : jars) {
                Files.copy(jar, plugins.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            Path conf = home.resolve("argus.yaml");
            Files.writeString(conf, yaml(extensionSettings));
            String publicKey = "pk-" + random(16);
            String secret = "sk-" + random(32);
            String adminPassword = "kit-" + random(12);
            Map<String, String> env = new LinkedHashMap<>();
            env.put("ARGUS_DATA_DIR", Files.createDirectories(home.resolve("data")).toString());
            env.put("ARGUS_DATABASE_URL", database.url());
            env.put("ARGUS_DATABASE_USER", database.user());
            env.put("ARGUS_DATABASE_PASSWORD", database.password());
            env.put("ARGUS_DATABASE_POOL_SIZE", "8");
            env.put("ARGUS_PLUGINS_DIR", plugins.toString());
            env.put("ARGUS_SERVER_HOST", "127.0.0.1");
            env.put("ARGUS_SERVER_PORT", "0");
            env.put("ARGUS_INIT_PROJECT", PROJECT);
            env.put("ARGUS_INIT_ADMIN_EMAIL", ADMIN_EMAIL);
            env.put("ARGUS_INIT_ADMIN_PASSWORD", adminPassword);
            env.put("ARGUS_INIT_API_KEY", publicKey + ":" + secret);
            ArgusConfig config = ConfigLoader.load(Optional.of(conf), env, Map.of());
            Argus argus = Argus.start(config);
            ArgusClient client;
            try {
                client = ArgusClient.connect(argus.port(), secret, plugins, ADMIN_EMAIL, adminPassword);
            } catch (RuntimeException e) {
                argus.close();
                throw e;
            }
            return new StartedArgus(argus, server, database, home, client);
        } catch (IOException e) {
            server.dropDatabase(database);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            server.dropDatabase(database);
            deleteQuietly(home);
            throw e;
        }
    }

    ArgusClient client() {
        return client;
    }

    static Map<String, Map<String, String>> parseSettings(List<String> settings) {
        Map<String, Map<String, String>> result = new TreeMap<>();
        for (String entry : settings) {
            int eq = entry.indexOf('=');
            int dot = entry.indexOf('.');
            if (eq < 0 || dot <= 0 || dot >= eq - 1) {
                throw new ExtensionConfigurationException("@ArgusTest(settings) entry '" + entry
                        + "' must read <extension id>.<setting>=<value>");
            }
            result.computeIfAbsent(entry.substring(0, dot), k -> new TreeMap<>())
                    .put(entry.substring(dot + 1, eq), entry.substring(eq + 1));
        }
        return result;
    }

    /** The YAML that {@code conf/argus.yaml} would hold for these settings; values are quoted as JSON strings. */
    static String yaml(Map<String, Map<String, String>> settings) {
        if (settings.isEmpty()) {
            return "{}\n";
        }
        StringBuilder out = new StringBuilder("plugins:\n  extensions:\n");
        settings.forEach((extension, values) -> {
            out.append("    ").append(quote(extension)).append(":\n");
            values.forEach((k, v) -> out.append("      ").append(quote(k)).append(": ").append(quote(v)).append('\n'));
        });
        return out.toString();
    }

    private static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            argus.close();
        } finally {
            server.dropDatabase(database);
            deleteQuietly(home);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(walk.toList());
            all.sort(Comparator.reverseOrder());
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
