package dev.argus.core.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.argus.core.testing.RunningArgus;
import dev.argus.core.testing.TestPlugins;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console in a real browser: starts Argus with the bundled console and the mock provider plugin,
 * then runs {@code web-ui/e2e/console.mjs} (playwright-core driving Debian's Chromium), which signs in
 * with an API key, walks the shell, plugins, dashboard and calls pages, fails on any console error, and
 * saves screenshots to {@code target/console-screenshots/}.
 *
 * <p>Without Chromium (or Node.js, or the console's node_modules) the test is skipped, unless
 * {@code ARGUS_REQUIRE_BROWSER=1} makes a missing browser a failure (CI sets it).
 */
class ConsoleBrowserTest {

    private static final String KEY = "pk-console1234:sk-console0000000000000secret";
    private static final long TIMEOUT_SECONDS = 180;

    @TempDir
    Path plugins;

    @Test
    void consoleSignsInAndListsPluginsInChromium() throws Exception {
        Path webUi = webUiDir();
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        requireOrSkip(Files.isExecutable(chromium), "Chromium not found at " + chromium
                + " (apt-get install -y chromium, or set CHROMIUM)");
        requireOrSkip(onPath("node"), "Node.js not found on PATH");
        requireOrSkip(Files.isDirectory(webUi.resolve("node_modules/playwright-core")),
                "playwright-core missing in " + webUi.resolve("node_modules") + " (the web-ui build runs npm ci)");

        TestPlugins.copyBundled("provider-mock.jar", plugins);
        Path screenshots = Path.of("target", "console-screenshots").toAbsolutePath();
        try (RunningArgus argus = RunningArgus.start(plugins, Map.of(
                "ARGUS_INIT_ADMIN_EMAIL", "admin@example.com",
                "ARGUS_INIT_ADMIN_PASSWORD", "correct horse battery staple",
                "ARGUS_INIT_PROJECT", "console",
                "ARGUS_INIT_API_KEY", KEY))) {
            Path log = Files.createTempFile("argus-console-e2e", ".log");
            ProcessBuilder node = new ProcessBuilder("node", webUi.resolve("e2e/console.mjs").toString())
                    .directory(webUi.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            node.environment().putAll(Map.of(
                    "ARGUS_URL", argus.uri("").toString(),
                    "ARGUS_KEY", KEY,
                    "CHROMIUM", chromium.toString(),
                    "SCREENSHOT_DIR", screenshots.toString()));
            Process process = node.start();
            boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.deleteIfExists(log);
            System.out.println(output);
            assertTrue(finished, "browser run did not finish in " + TIMEOUT_SECONDS + " s:\n" + output);
            assertEquals(0, process.exitValue(), "browser run failed:\n" + output);
        }
        for (String shot : List.of("login.png", "plugins.png", "dashboard.png", "calls.png", "plugins-dark.png")) {
            assertTrue(Files.size(screenshots.resolve(shot)) > 10_000, shot + " is missing or empty");
        }
    }

    private static Path webUiDir() {
        Path base = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        return base.resolveSibling("web-ui");
    }

    private static void requireOrSkip(boolean present, String what) {
        if (present) {
            return;
        }
        if ("1".equals(System.getenv("ARGUS_REQUIRE_BROWSER"))) {
            fail(what + "; ARGUS_REQUIRE_BROWSER=1 requires the browser test to run");
        }
        Assumptions.abort("Browser test skipped: " + what + ". Set ARGUS_REQUIRE_BROWSER=1 to make this a failure.");
    }

    private static boolean onPath(String tool) {
        try {
            Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
