package dev.argus.core.plugins;

import dev.argus.api.ArgusExtension;
import dev.argus.api.ExtensionKind;
import dev.argus.api.PluginConfig;
import dev.argus.api.SpiVersion;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * Loads plugin jars from the plugins folder with PF4J and built-in extensions with
 * {@link ServiceLoader}, configures each extension, and publishes them in one
 * {@link ExtensionRegistry}. A broken jar is reported with its name and skipped; it never stops the
 * server.
 */
public final class PluginHost implements AutoCloseable {

    /** Plugin id under which built-in extensions are listed. */
    public static final String CORE_PLUGIN_ID = "argus-core";

    private static final System.Logger LOG = System.getLogger(PluginHost.class.getName());

    private final Path pluginsDir;
    private final Map<String, Map<String, String>> settings;
    private final HttpClient httpClient;
    private final Clock clock;
    private final IsolatingPluginManager manager;
    private final List<PluginStatus> statuses = new ArrayList<>();
    private ExtensionRegistry registry = new ExtensionRegistry(List.of());

    /**
     * @param pluginsDir the folder of plugin jars (created when missing)
     * @param settings   per extension id, its raw settings
     * @param clock      the clock handed to extensions
     */
    public PluginHost(Path pluginsDir, Map<String, Map<String, String>> settings, Clock clock) {
        this.pluginsDir = pluginsDir;
        this.settings = settings;
        this.clock = clock;
        this.httpClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.manager = new IsolatingPluginManager(pluginsDir, SpiVersion.CURRENT);
    }

    /** Loads and starts everything; safe to call once. */
    public synchronized ExtensionRegistry start() {
        List<RegisteredExtension> extensions = new ArrayList<>();
        loadBuiltins(extensions);
        loadPlugins(extensions);
        registry = new ExtensionRegistry(extensions);
        return registry;
    }

    /** The registry built by {@link #start()}. */
    public synchronized ExtensionRegistry registry() {
        return registry;
    }

    /** The built-ins and every plugin jar found, with state and errors, sorted by id. */
    public synchronized List<PluginStatus> statuses() {
        List<PluginStatus> result = new ArrayList<>(statuses);
        result.sort(Comparator.comparing(PluginStatus::id));
        return result;
    }

    private void loadBuiltins(List<RegisteredExtension> extensions) {
        List<PluginStatus.ExtensionStatus> listed = new ArrayList<>();
        for (var entry : ExtensionKinds.TYPES.entrySet()) {
            for (ArgusExtension extension : ServiceLoader.load(entry.getValue(), PluginHost.class.getClassLoader())) {
                RegisteredExtension registered = register(extension, entry.getKey(), SpiVersion.CURRENT,
                        CORE_PLUGIN_ID, ExtensionSource.BUILTIN, null, extensions);
                if (registered != null) {
                    extensions.add(registered);
                    listed.add(status(registered));
                }
            }
        }
        statuses.add(new PluginStatus(CORE_PLUGIN_ID, SpiVersion.CURRENT, null, "started", "builtin", null,
                "Extensions built into Argus", null, sorted(listed)));
    }

    private void loadPlugins(List<RegisteredExtension> extensions) {
        try {
            Files.createDirectories(pluginsDir);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "Cannot create the plugins folder " + pluginsDir, e);
            return;
        }
        List<Path> jars = manager.pluginJars();
        for (Path jar : jars) {
            String jarName = jar.getFileName().toString();
            try {
                String pluginId = manager.loadPlugin(jar);
                if (pluginId == null) {
                    reportInvalid(jarName, "PF4J could not load the plugin (see the log above)");
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "Skipping plugin jar " + jarName + ": " + rootMessage(e));
                reportInvalid(jarName, rootMessage(e));
            }
        }
        manager.startPlugins();
        for (PluginWrapper plugin : manager.getPlugins()) {
            statuses.add(describe(plugin, extensions));
        }
    }

    private PluginStatus describe(PluginWrapper plugin, List<RegisteredExtension> extensions) {
        var descriptor = plugin.getDescriptor();
        String jarName = plugin.getPluginPath().getFileName().toString();
        String state;
        String error = null;
        List<PluginStatus.ExtensionStatus> listed = new ArrayList<>();
        if (plugin.getPluginState() == PluginState.STARTED) {
            state = "started";
            for (var entry : ExtensionKinds.TYPES.entrySet()) {
                for (ArgusExtension extension : manager.getExtensions(entry.getValue(), plugin.getPluginId())) {
                    ArgusExtension wrapped = ContextClassLoaderProxy.wrap(
                            castType(entry.getValue()), extension, plugin.getPluginClassLoader());
                    RegisteredExtension registered = register(wrapped, entry.getKey(), descriptor.getVersion(),
                            plugin.getPluginId(), ExtensionSource.PLUGIN, jarName, extensions);
                    if (registered != null) {
                        extensions.add(registered);
                        listed.add(status(registered));
                    }
                }
            }
        } else if (plugin.getPluginState() == PluginState.FAILED) {
            state = "failed";
            error = plugin.getFailedException() == null ? "failed to start" : rootMessage(plugin.getFailedException());
        } else if (!manager.getVersionManager().checkVersionConstraint(SpiVersion.CURRENT, descriptor.getRequires())) {
            state = "invalid";
            error = "plugin requires SPI " + descriptor.getRequires() + " but this Argus provides " + SpiVersion.CURRENT;
        } else {
            state = plugin.getPluginState().toString().toLowerCase(java.util.Locale.ROOT);
        }
        if (error != null) {
            LOG.log(System.Logger.Level.ERROR, "Plugin " + plugin.getPluginId() + " (" + jarName + ") " + state + ": "
                    + error);
        } else {
            LOG.log(System.Logger.Level.INFO, "Plugin {0} {1} from {2}: {3} extension(s)", plugin.getPluginId(),
                    descriptor.getVersion(), jarName, listed.size());
        }
        return new PluginStatus(plugin.getPluginId(), descriptor.getVersion(), descriptor.getRequires(), state,
                "plugin", jarName, descriptor.getPluginDescription(), error, sorted(listed));
    }

    @SuppressWarnings("unchecked")
    private static Class<ArgusExtension> castType(Class<? extends ArgusExtension> type) {
        return (Class<ArgusExtension>) type;
    }

    /** Configures one extension; returns {@code null} when its id is taken. */
    private RegisteredExtension register(ArgusExtension extension, ExtensionKind kind, String version,
                                         String pluginId, ExtensionSource source, String jar,
                                         List<RegisteredExtension> existing) {
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
            PluginConfig config = extension.configSchema().bind(settings.getOrDefault(id, Map.of()));
            extension.init(new HostPluginContext(config, httpClient, clock, System.getLogger("argus.extension." + id)));
        } catch (IllegalArgumentException e) {
            state = "misconfigured";
            problem = e.getMessage();
        } catch (RuntimeException e) {
            state = "misconfigured";
            problem = "init failed: " + rootMessage(e);
            LOG.log(System.Logger.Level.ERROR, "Extension " + id + " of " + pluginId + " failed to initialise", e);
        }
        return new RegisteredExtension(id, kind, version, pluginId, source, jar, state, problem, extension);
    }

    private static PluginStatus.ExtensionStatus status(RegisteredExtension e) {
        String name;
        try {
            name = e.extension().displayName();
        } catch (RuntimeException ex) {
            name = e.id();
        }
        return new PluginStatus.ExtensionStatus(e.id(), ExtensionKinds.wireName(e.kind()), name, e.state(),
                e.problem());
    }

    private static List<PluginStatus.ExtensionStatus> sorted(List<PluginStatus.ExtensionStatus> list) {
        list.sort(Comparator.comparing(PluginStatus.ExtensionStatus::kind).thenComparing(PluginStatus.ExtensionStatus::id));
        return List.copyOf(list);
    }

    private void reportInvalid(String jarName, String error) {
        statuses.add(new PluginStatus(jarName, null, null, "invalid", "plugin", jarName, null, error, List.of()));
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
