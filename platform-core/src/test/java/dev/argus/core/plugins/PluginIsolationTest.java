package dev.argus.core.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A misbehaving third-party plugin is bounded, counted and suspended; the folder reloads without restart. */
class PluginIsolationTest {

    private static final String FAULTY = """
            package com.example.faulty;

            import dev.argus.api.Usage;
            import dev.argus.api.provider.*;

            @org.pf4j.Extension
            public class FaultyProvider implements LlmProvider {
                public String id() { return "faulty"; }

                public ChatResponse complete(ChatRequest request) {
                    String prompt = request.messages().get(0).content();
                    if (prompt.equals("boom")) {
                        throw new IllegalStateException("plugin bug");
                    }
                    if (prompt.equals("hang")) {
                        while (true) {
                            try { Thread.sleep(60_000); } catch (InterruptedException e) { return null; }
                        }
                    }
                    return new ChatResponse(request.model(), "fine", "stop", Usage.of(1, 1), null, null, null);
                }
            }
            """;

    @TempDir
    Path plugins;

    private static ChatRequest ask(String prompt) {
        return ChatRequest.of("m", List.of(ChatMessage.user(prompt)));
    }

    private static PluginStatus.ExtensionStatus faultyStatus(PluginHost host) {
        return host.statuses().stream().filter(p -> p.id().equals("faulty-plugin")).findFirst().orElseThrow()
                .extensions().getFirst();
    }

    @Test
    void failingPluginIsSuspendedWithAVisibleReasonAndOthersKeepWorking() throws Exception {
        TestPlugins.compilePlugin(plugins.resolve("faulty.jar"), "faulty-plugin", ">=0.1.0", "com.example.faulty.FaultyProvider", FAULTY);
        TestPlugins.copyBundled("provider-mock.jar", plugins);
        try (PluginHost host = new PluginHost(plugins, Map.of("mock", Map.of("latency_ms", "0", "jitter_ms", "0")),
                Clock.systemUTC(), Duration.ofMillis(300))) {
            host.start();
            LlmProvider faulty = host.registry().provider("faulty").orElseThrow();
            assertEquals("fine", faulty.complete(ask("hello")).content());

            assertThrows(ExtensionTimeoutException.class, () -> faulty.complete(ask("hang")));
            for (int i = 0; i < 4; i++) {
                assertThrows(IllegalStateException.class, () -> faulty.complete(ask("boom")));
            }
            PluginStatus.ExtensionStatus status = faultyStatus(host);
            assertEquals("suspended", status.state());
            assertTrue(status.problem().contains("5 failures in a row") && status.problem().contains("plugin bug"),
                    status.problem());
            assertEquals(6, status.calls());
            assertEquals(5, status.faults());
            assertEquals(1, status.timeouts());
            assertTrue(host.registry().provider("faulty").isEmpty(), "a suspended extension is not handed out");
            assertThrows(ExtensionSuspendedException.class, () -> faulty.complete(ask("hello")));

            LlmProvider mock = host.registry().provider("mock").orElseThrow();
            assertFalse(mock.complete(ask("still fine?")).content().isBlank());

            assertTrue(host.setEnabled("faulty-plugin", false));
            assertEquals("disabled", host.statuses().stream().filter(p -> p.id().equals("faulty-plugin")).findFirst()
                    .orElseThrow().state());
            assertTrue(host.setEnabled("faulty-plugin", true));
            assertEquals("active", faultyStatus(host).state(), "re-enabling clears the suspension");
            assertEquals("fine", host.registry().provider("faulty").orElseThrow().complete(ask("hello")).content());
        }
    }

    @Test
    void droppedJarsLoadAndRemovedJarsUnloadWithoutRestart() throws Exception {
        try (PluginHost host = new PluginHost(plugins, Map.of(), Clock.systemUTC())) {
            host.start();
            assertTrue(host.registry().provider("mock").isEmpty());

            Path jar = TestPlugins.copyBundled("provider-mock.jar", plugins);
            PluginHost.ReloadResult added = host.reload();
            assertEquals(List.of("provider-mock"), added.loaded());
            assertTrue(host.registry().provider("mock").isPresent());
            assertEquals(List.of(), host.reload().loaded(), "an unchanged folder changes nothing");

            Files.delete(jar);
            PluginHost.ReloadResult removed = host.reload();
            assertEquals(List.of("provider-mock"), removed.unloaded());
            assertTrue(host.registry().provider("mock").isEmpty());
            assertTrue(host.registry().find(ExtensionKind.PROVIDER, "mock").isEmpty());
        }
    }

    @Test
    void pluginBuiltForAnotherSpiIsRefusedNamingBothVersions() throws Exception {
        TestPlugins.compilePlugin(plugins.resolve("old.jar"), "faulty-plugin", ">=2.0.0 & <3.0.0",
                "com.example.faulty.FaultyProvider", FAULTY);
        try (PluginHost host = new PluginHost(plugins, Map.of(), Clock.systemUTC())) {
            host.start();
            PluginStatus status = host.statuses().stream().filter(p -> p.id().equals("faulty-plugin")).findFirst()
                    .orElseThrow();
            assertEquals("invalid", status.state());
            assertEquals("plugin requires SPI >=2.0.0 & <3.0.0 but this Argus provides 0.1.0", status.error());
            assertTrue(host.registry().provider("faulty").isEmpty());
        }
    }

    /** Compiles against the test class path (Jackson is there) but finds no Jackson in the plugin's class loader. */
    private static final String NEEDS_JACKSON = """
            package com.example.unbundled;

            import dev.argus.api.evaluator.*;

            @org.pf4j.Extension
            public class NeedsJackson implements Evaluator {
                private final com.fasterxml.jackson.databind.ObjectMapper mapper =
                        new com.fasterxml.jackson.databind.ObjectMapper();
                public String id() { return "needs-jackson"; }
                public Score evaluate(EvaluationInput input) { return Score.of(1); }
            }
            """;

    @Test
    void aPluginUsingALibraryItDidNotBundleFailsAloneAndTheFolderKeepsReloading() throws Exception {
        TestPlugins.compilePlugin(plugins.resolve("unbundled.jar"), "unbundled", ">=0.1.0",
                "com.example.unbundled.NeedsJackson", NEEDS_JACKSON);
        TestPlugins.copyBundled("provider-mock.jar", plugins);
        try (PluginHost host = new PluginHost(plugins, Map.of(), Clock.systemUTC())) {
            host.start();
            PluginStatus status = host.statuses().stream().filter(p -> p.id().equals("unbundled")).findFirst()
                    .orElseThrow();
            assertEquals("failed", status.state());
            assertTrue(status.error().contains("NoClassDefFoundError")
                    && status.error().contains("com/fasterxml/jackson/databind/ObjectMapper"), status.error());
            assertTrue(host.registry().evaluator("needs-jackson").isEmpty());
            assertTrue(host.registry().provider("mock").isPresent(), "the other plugin was not loaded");

            Files.delete(plugins.resolve("unbundled.jar"));
            assertEquals(List.of("unbundled"), host.reload().unloaded());
            TestPlugins.copyBundled("evaluator-text-metrics.jar", plugins);
            assertEquals(List.of("evaluator-text-metrics"), host.reload().loaded());
        }
    }
}
