package dev.argus.core.plugins;

import java.nio.file.Path;
import org.pf4j.ClassLoadingStrategy;
import org.pf4j.DefaultPluginManager;
import org.pf4j.JarPluginLoader;
import org.pf4j.JarPluginRepository;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PluginLoader;
import org.pf4j.PluginRepository;

/**
 * PF4J configured for Argus: plugins are single jars (dependencies shaded in) described by their
 * manifest, each loaded plugin-first in its own class loader whose parent exposes only the API.
 */
final class IsolatingPluginManager extends DefaultPluginManager {

    private final ClassLoader apiOnly = new ApiOnlyClassLoader(IsolatingPluginManager.class.getClassLoader());

    IsolatingPluginManager(Path pluginsDir, String systemVersion) {
        super(pluginsDir);
        setSystemVersion(systemVersion);
    }

    /** The jars currently in the plugins folder. */
    java.util.List<Path> pluginJars() {
        return pluginRepository.getPluginPaths();
    }

    @Override
    protected PluginRepository createPluginRepository() {
        return new JarPluginRepository(getPluginsRoots());
    }

    @Override
    protected PluginDescriptorFinder createPluginDescriptorFinder() {
        return new ManifestPluginDescriptorFinder();
    }

    @Override
    protected PluginLoader createPluginLoader() {
        return new JarPluginLoader(this) {
            @Override
            public ClassLoader loadPlugin(Path pluginPath, PluginDescriptor descriptor) {
                PluginClassLoader loader =
                        new PluginClassLoader(pluginManager, descriptor, apiOnly, ClassLoadingStrategy.PDA);
                loader.addFile(pluginPath.toFile());
                return loader;
            }
        };
    }
}
