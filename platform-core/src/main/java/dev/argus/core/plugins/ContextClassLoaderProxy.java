package dev.argus.core.plugins;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * Wraps an extension so every call runs with the plugin's class loader as the thread's context
 * class loader: HTTP clients, JSON libraries and SDKs inside plugins look things up through it.
 */
final class ContextClassLoaderProxy {

    private ContextClassLoaderProxy() {
    }

    static <T> T wrap(Class<T> type, T target, ClassLoader loader) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                thread.setContextClassLoader(previous);
            }
        });
        return type.cast(proxy);
    }
}
