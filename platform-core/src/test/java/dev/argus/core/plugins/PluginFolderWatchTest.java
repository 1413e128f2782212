package dev.argus.core.plugins;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argus.core.testing.RunningArgus;
import dev.argus.core.testing.TestPlugins;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A running server loads a jar dropped into its plugins folder, and unloads it when removed. */
class PluginFolderWatchTest {

    private static final String SECRET = "sk-watch000000000000000000000test";

    @TempDir
    Path plugins;

    @Test
    void droppedJarAppearsAndRemovedJarDisappearsWithoutRestart() throws Exception {
        try (RunningArgus argus = RunningArgus.start(plugins, Map.of("ARGUS_INIT_API_KEY", "pk-watchtest:" + SECRET))) {
            assertTrue(!listing(argus).contains("provider-mock"));
            Path jar = TestPlugins.copyBundled("provider-mock.jar", plugins);
            assertTrue(eventually(() -> listing(argus).contains("\"provider-mock\"")), "dropped jar was not loaded");
            assertTrue(argus.argus().plugins().registry().provider("mock").isPresent());
            Files.delete(jar);
            assertTrue(eventually(() -> !listing(argus).contains("\"provider-mock\"")), "removed jar was not unloaded");
        }
    }

    private static String listing(RunningArgus argus) throws Exception {
        return argus.send(HttpRequest.newBuilder(argus.uri("/api/v1/plugins")).header("Authorization", "Bearer " + SECRET))
                .body();
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static boolean eventually(Check check) throws Exception {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (check.ok()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
