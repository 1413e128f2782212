package dev.argus.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds {@link ArgusConfig} from three layers, later ones winning: the YAML file, environment
 * variables ({@code server.port} ← {@code ARGUS_SERVER_PORT}) and command-line flags. Unknown keys are
 * reported as warnings; invalid values fail with the key's name.
 */
public final class ConfigLoader {

    private static final System.Logger LOG = System.getLogger(ConfigLoader.class.getName());

    /** Every key the configuration knows, with its default ({@code null}: no default). */
    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("server.host", "0.0.0.0");
        DEFAULTS.put("server.port", "8080");
        DEFAULTS.put("server.max_body_bytes", String.valueOf(16 * 1024 * 1024));
        DEFAULTS.put("server.shutdown_grace", "10s");
        DEFAULTS.put("database.url", null);
        DEFAULTS.put("database.user", "postgres");
        DEFAULTS.put("database.password", "");
        DEFAULTS.put("database.pool_size", "16");
        DEFAULTS.put("data_dir", "data");
        DEFAULTS.put("plugins.dir", "plugins");
        DEFAULTS.put("console.dir", null);
        DEFAULTS.put("init.admin_email", null);
        DEFAULTS.put("init.admin_password", null);
        DEFAULTS.put("init.project", null);
        DEFAULTS.put("init.api_key", null);
        DEFAULTS.put("jwt_keys", null);
        DEFAULTS.put("master_key", null);
        DEFAULTS.put("security.access_token_ttl", "15m");
        DEFAULTS.put("security.refresh_token_ttl", "7d");
        DEFAULTS.put("security.rate_limit_per_minute", "600");
        DEFAULTS.put("security.login_attempts_per_minute", "10");
        DEFAULTS.put("security.cors_origins", "");
        DEFAULTS.put("security.trust_proxy", "false");
        DEFAULTS.put("ingest.queue_capacity", "50000");
        DEFAULTS.put("ingest.max_batch_calls", "2000");
        DEFAULTS.put("ingest.max_wait", "2ms");
        DEFAULTS.put("ingest.commit_timeout", "30s");
        DEFAULTS.put("alerts.evaluation_interval", "30s");
        DEFAULTS.put("alerts.retry_backoff", "10s");
        DEFAULTS.put("alerts.max_attempts", "5");
        DEFAULTS.put("proxy.openai_upstream", "https://api.openai.com");
        DEFAULTS.put("proxy.anthropic_upstream", "https://api.anthropic.com");
        DEFAULTS.put("proxy.ollama_upstream", "http://127.0.0.1:11434");
    }

    /** Flags and the key each sets. */
    private static final Map<String, String> FLAGS = Map.of(
            "--port", "server.port",
            "--host", "server.host",
            "--data-dir", "data_dir",
            "--database-url", "database.url",
            "--database-user", "database.user",
            "--database-password", "database.password",
            "--plugins-dir", "plugins.dir");

    private static final String EXTENSIONS_PREFIX = "plugins.extensions.";

    private ConfigLoader() {
    }

    /**
     * Loads the configuration.
     *
     * @param file  the YAML file, which may be absent
     * @param env   the environment (normally {@link System#getenv()})
     * @param flags command-line flags, already split into flag → value
     */
    public static ArgusConfig load(Optional<Path> file, Map<String, String> env, Map<String, String> flags) {
        Map<String, String> values = new TreeMap<>();
        file.filter(Files::exists).ifPresent(f -> values.putAll(readYaml(f)));
        for (String key : DEFAULTS.keySet()) {
            String fromEnv = env.get(envName(key));
            if (fromEnv != null) {
                values.put(key, fromEnv);
            }
        }
        flags.forEach((flag, value) -> {
            String key = FLAGS.get(flag);
            if (key == null) {
                throw new ConfigException("unknown option " + flag + " (known: " + new TreeMap<>(FLAGS).keySet() + ")");
            }
            values.put(key, value);
        });
        values.keySet().stream()
                .filter(k -> !DEFAULTS.containsKey(k) && !k.startsWith(EXTENSIONS_PREFIX))
                .forEach(k -> LOG.log(System.Logger.Level.WARNING, "Unknown configuration key {0} is ignored", k));
        return bind(values);
    }

    /** The environment variable that overrides a key: {@code server.port} → {@code ARGUS_SERVER_PORT}. */
    public static String envName(String key) {
        return "ARGUS_" + key.replace('.', '_').toUpperCase(Locale.ROOT);
    }

    /** The keys this configuration knows. */
    public static Set<String> knownKeys() {
        return DEFAULTS.keySet();
    }

    private static ArgusConfig bind(Map<String, String> raw) {
        Map<String, String> v = new HashMap<>();
        DEFAULTS.forEach((k, d) -> {
            if (d != null) {
                v.put(k, d);
            }
        });
        v.putAll(raw);
        Path dataDir = Path.of(v.get("data_dir")).toAbsolutePath().normalize();
        var server = new ArgusConfig.Server(v.get("server.host"), intValue(v, "server.port", 0, 65535),
                longValue(v, "server.max_body_bytes", 1024), duration(v, "server.shutdown_grace"));
        var database = new ArgusConfig.Database(optional(v, "database.url"), v.get("database.user"),
                v.get("database.password"), intValue(v, "database.pool_size", 1, 1000), dataDir);
        database.url().ifPresent(url -> {
            if (!url.startsWith("jdbc:postgresql:")) {
                throw new ConfigException("database.url must be a jdbc:postgresql: URL");
            }
        });
        Map<String, Map<String, String>> extensions = new TreeMap<>();
        raw.forEach((k, value) -> {
            if (k.startsWith(EXTENSIONS_PREFIX)) {
                String rest = k.substring(EXTENSIONS_PREFIX.length());
                int dot = rest.indexOf('.');
                if (dot <= 0) {
                    throw new ConfigException(k + " must be plugins.extensions.<extension id>.<setting>");
                }
                extensions.computeIfAbsent(rest.substring(0, dot), x -> new TreeMap<>())
                        .put(rest.substring(dot + 1), value);
            }
        });
        var plugins = new ArgusConfig.Plugins(Path.of(v.get("plugins.dir")).toAbsolutePath().normalize(), extensions);
        var init = new ArgusConfig.Init(optional(v, "init.admin_email"), optional(v, "init.admin_password"),
                optional(v, "init.project"), optional(v, "init.api_key"));
        if (init.adminEmail().isPresent() != init.adminPassword().isPresent()) {
            throw new ConfigException("init.admin_email and init.admin_password must be given together");
        }
        var ingest = new ArgusConfig.Ingest(intValue(v, "ingest.queue_capacity", 1, 10_000_000),
                intValue(v, "ingest.max_batch_calls", 1, 100_000), duration(v, "ingest.max_wait"),
                duration(v, "ingest.commit_timeout"));
        var security = new ArgusConfig.Security(optional(v, "jwt_keys"), optional(v, "master_key"),
                duration(v, "security.access_token_ttl"), duration(v, "security.refresh_token_ttl"),
                intValue(v, "security.rate_limit_per_minute", 1, 1_000_000),
                intValue(v, "security.login_attempts_per_minute", 1, 10_000),
                origins(v.get("security.cors_origins")), bool(v, "security.trust_proxy"));
        var alerts = new ArgusConfig.Alerts(duration(v, "alerts.evaluation_interval"), duration(v, "alerts.retry_backoff"),
                intValue(v, "alerts.max_attempts", 1, 100));
        var proxy = new ArgusConfig.Proxy(upstream(v, "proxy.openai_upstream"), upstream(v, "proxy.anthropic_upstream"),
                upstream(v, "proxy.ollama_upstream"));
        return new ArgusConfig(server, database, plugins, init,
                optional(v, "console.dir").map(p -> Path.of(p).toAbsolutePath().normalize()), security, ingest, alerts, proxy);
    }

    private static String upstream(Map<String, String> v, String key) {
        String value = v.get(key).trim();
        if (!value.matches("https?://[A-Za-z0-9.\\[\\]:-]+(:\\d{1,5})?(/[A-Za-z0-9._~/-]*)?")) {
            throw new ConfigException(key + " must be an http(s) base URL such as https://api.openai.com, was '" + value + "'");
        }
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    private static List<String> origins(String value) {
        List<String> origins = java.util.Arrays.stream(value.split(",")).map(String::trim).filter(o -> !o.isEmpty())
                .toList();
        for (String origin : origins) {
            if (!origin.matches("https?://[A-Za-z0-9.-]+(:\\d{1,5})?")) {
                throw new ConfigException("security.cors_origins must list origins such as https://console.example.com, was '"
                        + origin + "'");
            }
        }
        return origins;
    }

    private static boolean bool(Map<String, String> v, String key) {
        String value = v.get(key).trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new ConfigException(key + " must be true or false, was '" + v.get(key) + "'");
        };
    }

    private static Optional<String> optional(Map<String, String> v, String key) {
        return Optional.ofNullable(v.get(key)).map(String::trim).filter(s -> !s.isEmpty());
    }

    private static int intValue(Map<String, String> v, String key, int min, int max) {
        long value = longValue(v, key, min);
        if (value > max) {
            throw new ConfigException(key + " must be at most " + max + ", was " + value);
        }
        return (int) value;
    }

    private static long longValue(Map<String, String> v, String key, long min) {
        try {
            long value = Long.parseLong(v.get(key).trim());
            if (value < min) {
                throw new ConfigException(key + " must be at least " + min + ", was " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " must be an integer, was '" + v.get(key) + "'");
        }
    }

    private static Duration duration(Map<String, String> v, String key) {
        String value = v.get(key).trim().toLowerCase(Locale.ROOT);
        try {
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            if (value.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
            }
            if (value.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
            }
            if (value.endsWith("h")) {
                return Duration.ofHours(Long.parseLong(value.substring(0, value.length() - 1)));
            }
            if (value.endsWith("d")) {
                return Duration.ofDays(Long.parseLong(value.substring(0, value.length() - 1)));
            }
            return Duration.parse(v.get(key).trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new ConfigException(key + " must be a duration such as 500ms, 10s, 15m, 2h, 7d or PT10S, was '" + v.get(key) + "'");
        }
    }

    private static Map<String, String> readYaml(Path file) {
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
            Map<String, String> flat = new TreeMap<>();
            if (root != null && !root.isMissingNode() && !root.isNull()) {
                if (!root.isObject()) {
                    throw new ConfigException(file + " must hold a YAML mapping");
                }
                flatten("", root, flat);
            }
            return flat;
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node.isArray()) {
            throw new ConfigException(prefix + " must not be a list");
        } else if (!node.isNull()) {
            out.put(prefix, node.asText());
        }
    }

    /** Splits {@code --flag value} and {@code --flag=value} pairs. */
    public static Map<String, String> parseFlags(List<String> args) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new ConfigException("unexpected argument " + arg);
            }
            int eq = arg.indexOf('=');
            if (eq > 0) {
                flags.put(arg.substring(0, eq), arg.substring(eq + 1));
            } else if (i + 1 < args.size()) {
                flags.put(arg, args.get(++i));
            } else {
                throw new ConfigException(arg + " needs a value");
            }
        }
        return flags;
    }
}
