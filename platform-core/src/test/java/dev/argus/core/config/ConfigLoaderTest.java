package dev.argus.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @Test
    void defaultsApplyWithNothingConfigured() {
        ArgusConfig config = ConfigLoader.load(Optional.empty(), Map.of(), Map.of());
        assertEquals(8080, config.server().port());
        assertEquals("0.0.0.0", config.server().host());
        assertTrue(config.database().embedded());
        assertEquals(Path.of("data").toAbsolutePath(), config.database().dataDir());
        assertEquals(Duration.ofSeconds(10), config.server().shutdownGrace());
        assertTrue(config.init().adminEmail().isEmpty());
    }

    @Test
    void fileThenEnvironmentThenFlagsWin(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("argus.yaml");
        Files.writeString(file, """
                server:
                  port: 9000
                  host: 127.0.0.1
                database:
                  pool_size: 4
                plugins:
                  extensions:
                    mock:
                      latency_ms: 5
                """);
        ArgusConfig fromFile = ConfigLoader.load(Optional.of(file), Map.of(), Map.of());
        assertEquals(9000, fromFile.server().port());
        assertEquals(4, fromFile.database().poolSize());
        assertEquals(Map.of("mock", Map.of("latency_ms", "5")), fromFile.plugins().extensions());

        ArgusConfig fromEnv = ConfigLoader.load(Optional.of(file), Map.of("ARGUS_SERVER_PORT", "9100"), Map.of());
        assertEquals(9100, fromEnv.server().port());

        ArgusConfig fromFlags = ConfigLoader.load(Optional.of(file), Map.of("ARGUS_SERVER_PORT", "9100"),
                ConfigLoader.parseFlags(List.of("--port", "0", "--database-url=jdbc:postgresql://db/argus")));
        assertEquals(0, fromFlags.server().port());
        assertEquals(Optional.of("jdbc:postgresql://db/argus"), fromFlags.database().url());
    }

    @Test
    void invalidValuesNameTheirKey() {
        ConfigException port = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Optional.empty(), Map.of("ARGUS_SERVER_PORT", "eighty"), Map.of()));
        assertTrue(port.getMessage().startsWith("server.port"), port.getMessage());
        ConfigException range = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Optional.empty(), Map.of("ARGUS_SERVER_PORT", "70000"), Map.of()));
        assertTrue(range.getMessage().startsWith("server.port"), range.getMessage());
        ConfigException url = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Optional.empty(), Map.of("ARGUS_DATABASE_URL", "mysql://x"), Map.of()));
        assertTrue(url.getMessage().startsWith("database.url"), url.getMessage());
        ConfigException flag = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Optional.empty(), Map.of(), Map.of("--prot", "1")));
        assertTrue(flag.getMessage().contains("--prot"));
    }

    @Test
    void unknownFileKeysAreIgnoredNotFatal(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("argus.yaml");
        Files.writeString(file, "server:\n  prot: 1\n");
        assertEquals(8080, ConfigLoader.load(Optional.of(file), Map.of(), Map.of()).server().port());
    }

    @Test
    void initAdminNeedsBothEmailAndPassword() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(Optional.empty(),
                Map.of("ARGUS_INIT_ADMIN_EMAIL", "a@b.c"), Map.of()));
        assertTrue(e.getMessage().contains("init.admin_password"));
    }

    @Test
    void securitySettingsHaveSafeDefaultsAndAreChecked() {
        ArgusConfig.Security defaults = ConfigLoader.load(Optional.empty(), Map.of(), Map.of()).security();
        assertTrue(defaults.jwtKeys().isEmpty());
        assertTrue(defaults.masterKey().isEmpty());
        assertEquals(Duration.ofMinutes(15), defaults.accessTokenTtl());
        assertEquals(Duration.ofDays(7), defaults.refreshTokenTtl());
        assertEquals(List.of(), defaults.corsOrigins());
        assertEquals(false, defaults.trustProxy());
        ArgusConfig.Security set = ConfigLoader.load(Optional.empty(), Map.of(
                "ARGUS_JWT_KEYS", "k1:abc", "ARGUS_MASTER_KEY", "m",
                "ARGUS_SECURITY_CORS_ORIGINS", "https://a.example.com, http://localhost:5173",
                "ARGUS_SECURITY_TRUST_PROXY", "true", "ARGUS_SECURITY_RATE_LIMIT_PER_MINUTE", "50"), Map.of()).security();
        assertEquals(Optional.of("k1:abc"), set.jwtKeys());
        assertEquals(Optional.of("m"), set.masterKey());
        assertEquals(List.of("https://a.example.com", "http://localhost:5173"), set.corsOrigins());
        assertTrue(set.trustProxy());
        assertEquals(50, set.rateLimitPerMinute());
        ConfigException cors = assertThrows(ConfigException.class, () -> ConfigLoader.load(Optional.empty(),
                Map.of("ARGUS_SECURITY_CORS_ORIGINS", "*"), Map.of()));
        assertTrue(cors.getMessage().contains("security.cors_origins"));
        assertThrows(ConfigException.class, () -> ConfigLoader.load(Optional.empty(),
                Map.of("ARGUS_SECURITY_TRUST_PROXY", "maybe"), Map.of()));
    }
}
