package dev.argus.core.plugins;

import dev.argus.api.provider.ProviderException;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Wraps an extension so that every call runs with the plugin's class loader as the thread's context
 * class loader (HTTP clients, JSON libraries and SDKs look things up through it), and every call that
 * does work is bounded: a bulkhead limits concurrent calls, a timeout bounds each one (the call runs
 * on its own virtual thread and is interrupted when late), and faults are counted in
 * {@link ExtensionHealth} so a failing plugin is suspended instead of hurting the rest of Argus.
 */
final class GuardedExtension {

    /** Methods that do work; everything else (id, schema, init, …) runs inline without a bulkhead. */
    private static final Set<String> WORK = Set.of("complete", "stream", "listModels", "evaluate", "export", "deliver");

    private GuardedExtension() {
    }

    /**
     * @param timeout how long one call may take, or {@code null} for no limit (exports stream for long)
     */
    static <T> T wrap(Class<T> type, T target, ClassLoader loader, ExtensionHealth health, Duration timeout,
                      int maxConcurrentCalls) {
        Semaphore bulkhead = new Semaphore(maxConcurrentCalls);
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
            if (!WORK.contains(method.getName())) {
                return inContext(loader, () -> method.invoke(target, args));
            }
            if (health.suspended()) {
                throw new ExtensionSuspendedException(health.suspendedReason());
            }
            if (!bulkhead.tryAcquire(1, TimeUnit.SECONDS)) {
                health.rejected();
                throw new ExtensionBusyException("all " + maxConcurrentCalls + " call slots of this extension are busy");
            }
            health.called();
            try {
                Object result = timeout == null ? inContext(loader, () -> method.invoke(target, args))
                        : withTimeout(loader, method, target, args, timeout);
                health.succeeded();
                return result;
            } catch (Throwable t) {
                Throwable cause = t instanceof InvocationTargetException ite ? ite.getCause() : t;
                if (cause instanceof TimeoutException) {
                    health.faulted("timed out after " + timeout.toMillis() + " ms", true);
                    throw new ExtensionTimeoutException(method.getName() + " timed out after " + timeout.toMillis() + " ms");
                }
                if (isNormalOutcome(cause)) {
                    health.succeeded();
                } else {
                    health.faulted(cause.getClass().getSimpleName() + ": " + cause.getMessage(), false);
                }
                throw cause;
            } finally {
                bulkhead.release();
            }
        });
        return type.cast(proxy);
    }

    /** Classified outcomes are the extension working as designed. */
    private static boolean isNormalOutcome(Throwable t) {
        return t instanceof ProviderException || t instanceof IllegalArgumentException || t instanceof IOException;
    }

    private interface Call {
        Object run() throws Exception;
    }

    private static Object inContext(ClassLoader loader, Call call) throws Throwable {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return call.run();
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static Object withTimeout(ClassLoader loader, Method method, Object target, Object[] args, Duration timeout)
            throws Throwable {
        FutureTask<Object> task = new FutureTask<>(() -> {
            try {
                return inContext(loader, () -> method.invoke(target, args));
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new ExecutionException(t);
            }
        });
        Thread.ofVirtual().name("argus-plugin-call").start(task);
        Future<Object> future = task;
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw e.getCause();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw e;
        }
    }
}
