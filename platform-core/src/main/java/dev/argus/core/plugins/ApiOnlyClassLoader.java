package dev.argus.core.plugins;

/**
 * The parent of every plugin class loader: it exposes the plugin API and PF4J from the host and the
 * JDK, and nothing else, so a plugin never binds to core's libraries (Helidon, Jackson, jOOQ, …) by
 * accident. A plugin that needs a library bundles its own copy.
 */
final class ApiOnlyClassLoader extends ClassLoader {

    private static final String[] SHARED_PACKAGES = {"dev.argus.api.", "org.pf4j."};

    private final ClassLoader host;

    ApiOnlyClassLoader(ClassLoader host) {
        super("argus-plugin-api", ClassLoader.getPlatformClassLoader());
        this.host = host;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        for (String prefix : SHARED_PACKAGES) {
            if (name.startsWith(prefix)) {
                return host.loadClass(name);
            }
        }
        return super.loadClass(name, resolve);
    }
}
