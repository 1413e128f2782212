package dev.argus.core.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argus.api.ExtensionKind;
import dev.argus.api.provider.ChatMessage;
import dev.argus.api.provider.ChatRequest;
import dev.argus.api.provider.LlmProvider;
import dev.argus.core.testing.TestPlugins;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginHostTest {

    @TempDir
    Path plugins;

    private PluginHost start(Map<String, Map<String, String>> settings) {
        PluginHost host = new PluginHost(plugins, settings, Clock.systemUTC());
        host.start();
        return host;
    }

    private static PluginStatus status(PluginHost host, String id) {
        return host.statuses().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void loadsTheMockProviderFromAJarInTheFolder() throws Exception {
        TestPlugins.copyBundled("provider-mock.jar", plugins);
        try (PluginHost host = start(Map.of("mock", Map.of("latency_ms", "0", "jitter_ms", "0")))) {
            PluginStatus mock = status(host, "provider-mock");
            assertEquals("started", mock.state());
            assertEquals("provider-mock.jar", mock.jar());
            assertEquals(List.of(new PluginStatus.ExtensionStatus("mock", "provider", "Mock provider", "active", null,
                    0, 0, 0)), mock.extensions());

            LlmProvider provider = host.registry().provider("mock").orElseThrow();
            String answer = provider.complete(ChatRequest.of("mock-small", List.of(ChatMessage.user("hello")))).content();
            assertFalse(answer.isBlank());
            assertEquals(1, status(host, "provider-mock").extensions().getFirst().calls());
        }
    }

    @Test
    void pluginClassesComeFromTheirOwnLoaderThatHidesCoreLibraries() throws Exception {
        TestPlugins.copyBundled("provider-mock.jar", plugins);
        try (PluginHost host = start(Map.of())) {
            RegisteredExtension mock = host.registry().find(ExtensionKind.PROVIDER, "mock").orElseThrow();
            // unwrap the context-class-loader proxy to reach the plugin's own object
            Object target = targetOf(mock.extension());
            ClassLoader loader = target.getClass().getClassLoader();
            assertNotSame(PluginHostTest.class.getClassLoader(), loader);
            assertEquals(LlmProvider.class, loader.loadClass(LlmProvider.class.getName()), "API is shared");
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("com.fasterxml.jackson.databind.ObjectMapper"));
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("dev.argus.core.Argus"));
        }
    }

    @Test
    void removingTheJarRemovesThePlugin() throws Exception {
        Path jar = TestPlugins.copyBundled("provider-mock.jar", plugins);
        try (PluginHost host = start(Map.of())) {
            assertTrue(host.registry().provider("mock").isPresent());
        }
        Files.delete(jar);
        try (PluginHost host = start(Map.of())) {
            assertTrue(host.registry().provider("mock").isEmpty());
            assertTrue(host.statuses().stream().noneMatch(p -> p.id().equals("provider-mock")));
        }
    }

    @Test
    void brokenJarsAreReportedAndSkipped() throws Exception {
        TestPlugins.copyBundled("provider-mock.jar", plugins);
        Files.write(plugins.resolve("corrupt.jar"), new byte[] {1, 2, 3, 4, 5});
        TestPlugins.jar(plugins.resolve("no-manifest-id.jar"), Map.of(), Map.of("x.txt", new byte[] {1}));
        TestPlugins.jar(plugins.resolve("missing-class.jar"),
                Map.of("Plugin-Id", "missing-class", "Plugin-Version", "1.0.0", "Plugin-Class", "com.example.Nope"),
                Map.of());
        TestPlugins.jar(plugins.resolve("future.jar"),
                Map.of("Plugin-Id", "future", "Plugin-Version", "1.0.0", "Plugin-Requires", ">=9.0.0"), Map.of());
        try (PluginHost host = start(Map.of())) {
            assertEquals("started", status(host, "provider-mock").state());
            assertEquals("invalid", status(host, "corrupt.jar").state());
            assertEquals("invalid", status(host, "no-manifest-id.jar").state());
            PluginStatus missing = host.statuses().stream().filter(p -> "missing-class.jar".equals(p.jar()))
                    .findFirst().orElseThrow();
            assertTrue(List.of("invalid", "failed").contains(missing.state()), missing.toString());
            PluginStatus future = status(host, "future");
            assertEquals("invalid", future.state());
            assertTrue(future.error().contains(">=9.0.0") && future.error().contains("0.1.0"), future.error());
        }
    }

    @Test
    void builtinsComeFromServiceLoader() {
        try (PluginHost host = start(Map.of())) {
            PluginStatus core = status(host, PluginHost.CORE_PLUGIN_ID);
            assertEquals("builtin", core.source());
            assertTrue(core.extensions().stream().anyMatch(e -> e.id().equals("exact-match")));
            RegisteredExtension exact = host.registry().find(ExtensionKind.EVALUATOR, "exact-match").orElseThrow();
            assertEquals(ExtensionSource.BUILTIN, exact.source());
        }
    }

    @Test
    void invalidExtensionSettingsMarkItMisconfigured() throws Exception {
        TestPlugins.copyBundled("provider-mock.jar", plugins);
        try (PluginHost host = start(Map.of("mock", Map.of("latency_ms", "soon")))) {
            RegisteredExtension mock = host.registry().find(ExtensionKind.PROVIDER, "mock").orElseThrow();
            assertEquals("misconfigured", mock.state());
            assertTrue(mock.problem().contains("latency_ms"));
            assertTrue(host.registry().provider("mock").isEmpty());
        }
    }

    private static Object targetOf(Object proxy) throws Exception {
        var handler = java.lang.reflect.Proxy.getInvocationHandler(proxy);
        for (var field : handler.getClass().getDeclaredFields()) {
            field.setAccessible(true);
            Object value = field.get(handler);
            if (value instanceof LlmProvider) {
                return value;
            }
        }
        throw new AssertionError("no target in proxy");
    }
}
