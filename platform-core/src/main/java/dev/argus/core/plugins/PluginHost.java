package dev.argus.core.plugins;

import dev.argus.api.ArgusExtension;
import dev.argus.api.ConfigField;
import dev.argus.api.ConfigSchema;
import dev.argus.api.ExtensionKind;
import dev.argus.api.PluginConfig;
import dev.argus.api.SpiVersion;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * Loads plugin jars from the plugins folder with PF4J and built-in extensions with
 * {@link ServiceLoader}, configures each extension, and publishes them in one
 * {@link ExtensionRegistry}. A broken jar is reported with its name and skipped; it never stops the
 * server. {@link #reload()} picks up jars dropped into or removed from the folder without a restart.
 */
public final class PluginHost implements AutoCloseable {

    /** Plugin id under which built-in extensions are listed. */
    public static final String CORE_PLUGIN_ID = "argus-core";

    private static final System.Logger LOG = System.getLogger(PluginHost.class.getName());
    private static final int MAX_CONCURRENT_CALLS = 64;

    /** A jar in the folder as last seen, with what it contributed. */
    private record LoadedJar(FileTime modified, String pluginId, PluginStatus status,
                             List<RegisteredExtension> extensions) {
    }

    /**
     * What a reload changed.
     *
     * @param loaded   plugin ids (or jar names) newly loaded
     * @param unloaded plugin ids unloaded because their jar is gone or changed
     */
    public record ReloadResult(List<String> loaded, List<String> unloaded) {
    }

    private final Path pluginsDir;
    private final Duration callTimeout;
    private final Map<String, Map<String, String>> settings;
    private final HttpClient httpClient;
    private final Clock clock;
    private final IsolatingPluginManager manager;
    private final Map<Path, LoadedJar> jars = new LinkedHashMap<>();
    private List<RegisteredExtension> builtins = List.of();
    private PluginStatus builtinStatus;
    private volatile ExtensionRegistry registry = new ExtensionRegistry(List.of());
    /** How to make more instances of each registered extension, keyed by its guarded instance. */
    private final Map<ArgusExtension, InstanceFactory> factories =
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    private record InstanceFactory(Class<?> type, ExtensionKind kind, ClassLoader loader, ExtensionHealth health) {
    }

    /**
     * @param pluginsDir the folder of plugin jars (created when missing)
     * @param settings   per extension id, its raw settings
     * @param clock      the clock handed to extensions
     */
    public PluginHost(Path pluginsDir, Map<String, Map<String, String>> settings, Clock clock) {
        this(pluginsDir, settings, clock, null);
    }

    /**
     * @param callTimeout one limit for every call into an extension, or {@code null} for the per-kind
     *                    defaults (providers 10 min, evaluators 2 min, alert channels 30 s, exports unbounded)
     */
    public PluginHost(Path pluginsDir, Map<String, Map<String, String>> settings, Clock clock, Duration callTimeout) {
        this.callTimeout = callTimeout;
        this.pluginsDir = pluginsDir;
        this.settings = settings;
        this.clock = clock;
        this.httpClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.manager = new IsolatingPluginManager(pluginsDir, SpiVersion.CURRENT);
    }

    /** Loads the built-ins and every plugin jar; safe to call once. */
    public synchronized ExtensionRegistry start() {
        List<RegisteredExtension> found = new ArrayList<>();
        List<PluginStatus.ExtensionStatus> listed = new ArrayList<>();
        for (var entry : ExtensionKinds.TYPES.entrySet()) {
            for (ArgusExtension extension : ServiceLoader.load(entry.getValue(), PluginHost.class.getClassLoader())) {
                RegisteredExtension registered = register(extension, entry.getKey(), SpiVersion.CURRENT, CORE_PLUGIN_ID,
                        ExtensionSource.BUILTIN, null, found, PluginHost.class.getClassLoader());
                if (registered != null) {
                    found.add(registered);
                }
            }
        }
        builtins = List.copyOf(found);
        builtinStatus = new PluginStatus(CORE_PLUGIN_ID, SpiVersion.CURRENT, null, "started", "builtin", null,
                "Extensions built into Argus", null, List.of());
        reload();
        return registry;
    }

    /** The current registry; replaced atomically by {@link #reload()}. */
    public ExtensionRegistry registry() {
        return registry;
    }

    /**
     * Brings the loaded plugins in line with the folder: unloads plugins whose jar was removed or
     * replaced, loads new jars. Calls already running in an unloaded plugin finish on their instance.
     */
    public synchronized ReloadResult reload() {
        try {
            Files.createDirectories(pluginsDir);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "Cannot create the plugins folder " + pluginsDir, e);
        }
        List<String> unloaded = new ArrayList<>();
        List<String> loaded = new ArrayList<>();
        Set<Path> present = new HashSet<>(manager.pluginJars());
        for (Path jar : List.copyOf(jars.keySet())) {
            LoadedJar known = jars.get(jar);
            if (!present.contains(jar) || !known.modified().equals(modified(jar))) {
                if (known.pluginId() != null) {
                    manager.unloadPlugin(known.pluginId());
                }
                jars.remove(jar);
                unloaded.add(known.pluginId() != null ? known.pluginId() : jar.getFileName().toString());
            }
        }
        for (Path jar : present.stream().sorted().toList()) {
            if (!jars.containsKey(jar)) {
                LoadedJar result = load(jar);
                jars.put(jar, result);
                loaded.add(result.pluginId() != null ? result.pluginId() : jar.getFileName().toString());
            }
        }
        publish();
        if (!loaded.isEmpty() || !unloaded.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "Plugins reloaded: loaded {0}, unloaded {1}", loaded, unloaded);
        }
        return new ReloadResult(loaded, unloaded);
    }

    /**
     * Enables or disables a plugin by id; remembered in the folder's {@code enabled.txt}/{@code disabled.txt}
     * across restarts. Re-enabling also clears a suspension.
     *
     * @return false when no plugin has that id
     */
    public synchronized boolean setEnabled(String pluginId, boolean enabled) {
        Optional<Path> jar = jars.entrySet().stream().filter(e -> pluginId.equals(e.getValue().pluginId()))
                .map(Map.Entry::getKey).findFirst();
        if (jar.isEmpty()) {
            return false;
        }
        if (enabled) {
            manager.enablePlugin(pluginId);
        } else {
            manager.disablePlugin(pluginId);
        }
        manager.unloadPlugin(pluginId);
        jars.put(jar.get(), load(jar.get()));
        publish();
        return true;
    }

    /** The built-ins and every plugin jar found, with state and errors, sorted by id. */
    public synchronized List<PluginStatus> statuses() {
        List<PluginStatus> result = new ArrayList<>();
        result.add(withLiveCounts(builtinStatus, builtins));
        for (LoadedJar jar : jars.values()) {
            result.add(withLiveCounts(jar.status(), jar.extensions()));
        }
        result.sort(Comparator.comparing(PluginStatus::id));
        return result;
    }

    private void publish() {
        List<RegisteredExtension> all = new ArrayList<>(builtins);
        jars.values().forEach(j -> all.addAll(j.extensions()));
        registry = new ExtensionRegistry(all);
    }

    private LoadedJar load(Path jar) {
        String jarName = jar.getFileName().toString();
        FileTime modified = modified(jar);
        String pluginId;
        try {
            pluginId = manager.loadPlugin(jar);
        } catch (RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.ERROR, "Skipping plugin jar " + jarName + ": " + rootMessage(e));
            return new LoadedJar(modified, null, invalid(jarName, rootMessage(e)), List.of());
        }
        if (pluginId == null) {
            return new LoadedJar(modified, null, invalid(jarName, "PF4J could not load the plugin"), List.of());
        }
        PluginWrapper plugin = manager.getPlugin(pluginId);
        if (plugin.getPluginState() == PluginState.RESOLVED) {
            try {
                manager.startPlugin(pluginId);
            } catch (RuntimeException | LinkageError e) {
                plugin.setFailedException(e);
            }
        }
        List<RegisteredExtension> taken = new ArrayList<>(builtins);
        jars.values().forEach(j -> taken.addAll(j.extensions()));
        List<RegisteredExtension> contributed = new ArrayList<>();
        PluginStatus status = describe(plugin, taken, contributed);
        return new LoadedJar(modified, pluginId, status, List.copyOf(contributed));
    }

    private PluginStatus describe(PluginWrapper plugin, List<RegisteredExtension> taken,
                                  List<RegisteredExtension> contributed) {
        var descriptor = plugin.getDescriptor();
        String jarName = plugin.getPluginPath().getFileName().toString();
        String state;
        String error = null;
        if (plugin.getPluginState() == PluginState.STARTED) {
            state = "started";
            try {
                for (var entry : ExtensionKinds.TYPES.entrySet()) {
                    for (ArgusExtension extension : manager.getExtensions(entry.getValue(), plugin.getPluginId())) {
                        List<RegisteredExtension> seen = new ArrayList<>(taken);
                        seen.addAll(contributed);
                        RegisteredExtension registered = register(extension, entry.getKey(), descriptor.getVersion(),
                                plugin.getPluginId(), ExtensionSource.PLUGIN, jarName, seen, plugin.getPluginClassLoader());
                        if (registered != null) {
                            contributed.add(registered);
                        }
                    }
                }
            } catch (RuntimeException | LinkageError e) {
                // typically NoClassDefFoundError: the plugin uses a library it did not bundle; only this plugin fails
                contributed.clear();
                state = "failed";
                error = "creating its extensions failed with " + e.getClass().getSimpleName() + ": " + rootMessage(e);
            }
        } else if (plugin.getPluginState() == PluginState.FAILED || plugin.getFailedException() != null) {
            state = "failed";
            error = plugin.getFailedException() == null ? "failed to start" : rootMessage(plugin.getFailedException());
        } else if (!manager.getVersionManager().checkVersionConstraint(SpiVersion.CURRENT, descriptor.getRequires())) {
            state = "invalid";
            error = "plugin requires SPI " + descriptor.getRequires() + " but this Argus provides " + SpiVersion.CURRENT;
        } else {
            state = plugin.getPluginState().toString().toLowerCase(Locale.ROOT);
        }
        if (error != null) {
            LOG.log(System.Logger.Level.ERROR, "Plugin " + plugin.getPluginId() + " (" + jarName + ") " + state + ": "
                    + error);
        } else {
            LOG.log(System.Logger.Level.INFO, "Plugin {0} {1} from {2}: {3}, {4} extension(s)", plugin.getPluginId(),
                    descriptor.getVersion(), jarName, state, contributed.size());
        }
        return new PluginStatus(plugin.getPluginId(), descriptor.getVersion(), descriptor.getRequires(), state,
                "plugin", jarName, descriptor.getPluginDescription(), error, List.of());
    }

    /** Configures and guards one extension; returns {@code null} when its id is taken. */
    private RegisteredExtension register(ArgusExtension raw, ExtensionKind kind, String version, String pluginId,
                                         ExtensionSource source, String jar, List<RegisteredExtension> existing,
                                         ClassLoader loader) {
        ExtensionHealth health = new ExtensionHealth();
        ArgusExtension extension = GuardedExtension.wrap(castType(ExtensionKinds.TYPES.get(kind)), raw, loader, health,
                timeoutFor(kind), MAX_CONCURRENT_CALLS);
        String id;
        try {
            id = extension.id();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "An extension of " + pluginId + " failed to report its id", e);
            return null;
        }
        boolean taken = existing.stream().anyMatch(e -> e.kind() == kind && e.id().equals(id));
        if (taken) {
            LOG.log(System.Logger.Level.WARNING, "Ignoring {0} {1} from {2}: that id is already registered",
                    ExtensionKinds.wireName(kind), id, pluginId);
            return null;
        }
        String state = "active";
        String problem = null;
        try {
            ConfigSchema schema = kind == ExtensionKind.EVALUATOR ? perCallRequired(extension.configSchema())
                    : extension.configSchema();
            PluginConfig config = schema.bind(settings.getOrDefault(id, Map.of()));
            extension.init(new HostPluginContext(config, httpClient, clock, System.getLogger("argus.extension." + id)));
        } catch (IllegalArgumentException e) {
            state = "misconfigured";
            problem = e.getMessage();
        } catch (RuntimeException e) {
            state = "misconfigured";
            problem = "init failed: " + rootMessage(e);
            LOG.log(System.Logger.Level.ERROR, "Extension " + id + " of " + pluginId + " failed to initialise", e);
        }
        factories.put(extension, new InstanceFactory(raw.getClass(), kind, loader, health));
        return new RegisteredExtension(id, kind, version, pluginId, source, jar, state, problem, extension, health);
    }

    /**
     * An evaluator's schema for its server-wide settings. Evaluators get their settings with each call
     * (an evaluation's or a scoring request's {@code config}, validated against the full schema then), so
     * a setting that is required but has no default (e.g. a judge's {@code provider} and {@code model})
     * cannot be asked of the server's configuration: without it the evaluator starts from its defaults.
     */
    private static ConfigSchema perCallRequired(ConfigSchema schema) {
        return new ConfigSchema(schema.fields().stream()
                .map(f -> f.required() && f.defaultValue() == null
                        ? new ConfigField(f.name(), f.type(), false, f.secret(), null, f.description(), f.allowedValues())
                        : f)
                .toList());
    }

    /**
     * A new instance of a registered extension, configured with {@code rawSettings} instead of the
     * host-wide settings, and guarded like the registered one (whose health it shares). Features that
     * keep several configurations of one extension (e.g. a project's alert channels) use this; the
     * registered instance may be {@code misconfigured} for lack of host-wide settings.
     *
     * @throws IllegalArgumentException when the settings do not fit the extension's schema or its
     *                                  {@code init} rejects them (the message names the field)
     * @throws java.util.NoSuchElementException when no such extension is loaded, or it is suspended
     */
    public <T extends ArgusExtension> T configuredInstance(ExtensionKind kind, String id, Class<T> type,
                                                           Map<String, String> rawSettings) {
        RegisteredExtension registered = registry.find(kind, id)
                .filter(e -> !e.health().suspended())
                .orElseThrow(() -> new java.util.NoSuchElementException("no usable " + ExtensionKinds.wireName(kind)
                        + " extension '" + id + "' is loaded"));
        InstanceFactory factory = factories.get(registered.extension());
        if (factory == null) {
            throw new java.util.NoSuchElementException("extension '" + id + "' cannot be instantiated");
        }
        Object raw;
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(factory.loader());
        try {
            raw = factory.type().getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new java.util.NoSuchElementException("extension '" + id + "' cannot be instantiated: " + e);
        } finally {
            thread.setContextClassLoader(previous);
        }
        T extension = type.cast(GuardedExtension.wrap(castType(ExtensionKinds.TYPES.get(kind)), (ArgusExtension) raw,
                factory.loader(), factory.health(), timeoutFor(kind), MAX_CONCURRENT_CALLS));
        PluginConfig config = extension.configSchema().bind(rawSettings);
        try {
            extension.init(new HostPluginContext(config, httpClient, clock, System.getLogger("argus.extension." + id)));
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("init failed: " + rootMessage(e), e);
        }
        return extension;
    }

    /** Exports stream for as long as the data lasts; everything else has a bound. */
    private Duration timeoutFor(ExtensionKind kind) {
        if (callTimeout != null) {
            return callTimeout;
        }
        return switch (kind) {
            case PROVIDER -> Duration.ofMinutes(10);
            case EVALUATOR -> Duration.ofMinutes(2);
            case ALERT_CHANNEL -> Duration.ofSeconds(30);
            case EXPORTER -> null;
        };
    }

    @SuppressWarnings("unchecked")
    private static Class<ArgusExtension> castType(Class<? extends ArgusExtension> type) {
        return (Class<ArgusExtension>) type;
    }

    private static PluginStatus withLiveCounts(PluginStatus status, List<RegisteredExtension> extensions) {
        List<PluginStatus.ExtensionStatus> listed = new ArrayList<>();
        for (RegisteredExtension e : extensions) {
            String name;
            try {
                name = e.extension().displayName();
            } catch (RuntimeException ex) {
                name = e.id();
            }
            String problem = e.health().suspended() ? e.health().suspendedReason() : e.problem();
            listed.add(new PluginStatus.ExtensionStatus(e.id(), ExtensionKinds.wireName(e.kind()), name,
                    e.effectiveState(), problem, e.health().calls(), e.health().faults(), e.health().timeouts()));
        }
        listed.sort(Comparator.comparing(PluginStatus.ExtensionStatus::kind)
                .thenComparing(PluginStatus.ExtensionStatus::id));
        return new PluginStatus(status.id(), status.version(), status.requires(), status.state(), status.source(),
                status.jar(), status.description(), status.error(), List.copyOf(listed));
    }

    private static PluginStatus invalid(String jarName, String error) {
        return new PluginStatus(jarName, null, null, "invalid", "plugin", jarName, null, error, List.of());
    }

    private static FileTime modified(Path jar) {
        try {
            return Files.getLastModifiedTime(jar);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == e ? message : e.getMessage() + " (" + message + ")";
    }

    @Override
    public synchronized void close() {
        manager.stopPlugins();
        manager.unloadPlugins();
    }
}
