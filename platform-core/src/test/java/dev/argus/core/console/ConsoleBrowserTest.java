package dev.argus.core.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.argus.core.testing.RunningArgus;
import dev.argus.core.testing.TestPlugins;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console in a real browser: starts Argus with the bundled console and the mock provider, CSV
 * exporter, text-metrics evaluator and webhook alert channel plugins, evaluating alert rules every two
 * seconds, ingests a handful of calls through {@code POST /api/v1/ingest}, then runs
 * {@code web-ui/e2e/console.mjs} (playwright-core driving Debian's Chromium), which seeds a prompt with
 * two versions and an experiment and an alert rule through the API, signs in as the init admin with
 * e-mail and password, walks the shell, plugins, dashboard and calls pages (list, filter, detail drawer,
 * export), ingests a call while a page is open and watches it arrive over the live feed, then changes
 * something on every other page (promotes a label, stops the experiment, runs a ROUGE-1 evaluation,
 * creates and tests a webhook channel and a rule, creates and revokes an API key, sets a secret and the
 * retention), opens the API page (the OpenAPI document rendered, one "try it" request sent with the
 * session's credentials, the copy-paste examples), checks a viewer's read-only pages, signs in again
 * with a read-only API key, fails on any console error or serious accessibility violation, and saves
 * screenshots to {@code target/console-screenshots/}.
 *
 * <p>Without Chromium (or Node.js, or the console's node_modules) the test is skipped, unless
 * {@code ARGUS_REQUIRE_BROWSER=1} makes a missing browser a failure (CI sets it).
 */
class ConsoleBrowserTest {

    private static final String KEY = "pk-console1234:sk-console0000000000000secret";
    private static final String ADMIN_EMAIL = "admin@example.com";
    private static final String ADMIN_PASSWORD = "correct horse battery staple";
    private static final long TIMEOUT_SECONDS = 360;

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
        TestPlugins.copyBundled("exporter-csv.jar", plugins);
        TestPlugins.copyBundled("evaluator-text-metrics.jar", plugins);
        TestPlugins.copyBundled("alert-webhook.jar", plugins);
        Path screenshots = Path.of("target", "console-screenshots").toAbsolutePath();
        try (RunningArgus argus = RunningArgus.start(plugins, Map.of(
                "ARGUS_INIT_ADMIN_EMAIL", ADMIN_EMAIL,
                "ARGUS_INIT_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "ARGUS_INIT_PROJECT", "console",
                "ARGUS_INIT_API_KEY", KEY,
                "ARGUS_ALERTS_EVALUATION_INTERVAL", "2s"))) {
            ingest(argus.uri("/api/v1/ingest"), SEED_CALLS);
            Path log = Files.createTempFile("argus-console-e2e", ".log");
            ProcessBuilder node = new ProcessBuilder("node", webUi.resolve("e2e/console.mjs").toString())
                    .directory(webUi.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            node.environment().putAll(Map.of(
                    "ARGUS_URL", argus.uri("").toString(),
                    "ARGUS_KEY", KEY,
                    "ARGUS_EMAIL", ADMIN_EMAIL,
                    "ARGUS_PASSWORD", ADMIN_PASSWORD,
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
        for (String shot : List.of("login.png", "plugins.png", "dashboard.png", "dashboard-live.png", "calls.png",
                "calls-filtered.png", "call-detail.png", "prompts.png", "prompt-versions.png", "prompt-diff.png",
                "prompt-render.png", "prompt-labels.png", "prompt-experiments.png", "evaluation-start.png",
                "evaluation.png", "evaluations.png", "call-scores.png", "alerts-rules.png", "alerts-channels.png",
                "alert-rule-form.png", "alerts-events.png", "settings-keys.png", "settings-members.png",
                "settings-secrets.png", "settings-retention.png", "plugins-dark.png", "dashboard-dark.png",
                "prompt-diff-dark.png", "alerts-dark.png", "viewer-prompt.png", "viewer-alerts.png",
                "dashboard-key.png", "api-reference.png", "api-try-it.png", "api-examples.png", "api-dark.png")) {
            assertTrue(Files.size(screenshots.resolve(shot)) > 10_000, shot + " is missing or empty");
        }
    }

    /**
     * The calls the browser expects: four gpt-4o-mini calls (one a rate-limit error) and two Claude
     * calls, all priced, with distinct words the e2e script searches for and opens; {@code T-n} is a
     * start time n seconds ago.
     */
    private static final String SEED_CALLS = """
            {"calls": [
              {"started_at": "T-540", "provider": "openai", "model": "gpt-4o-mini", "latency_ms": 640, "user_id": "user-ada", "tags": ["prod", "eval"],
               "input": [{"role": "system", "content": "You are a support agent."},
                         {"role": "user", "content": "Where is my refund for order 1042?"}],
               "output": {"role": "assistant", "content": "Your refund for order 1042 was issued today."},
               "metadata": {"reference": "The refund for order 1042 was issued yesterday."},
               "usage": {"input_tokens": 1200, "output_tokens": 300}, "prompt": {"name": "support-reply", "version": 3}},
              {"started_at": "T-480", "provider": "openai", "model": "gpt-4o-mini", "latency_ms": 410, "user_id": "user-bo",
               "input": [{"role": "user", "content": "Summarise the invoice dispute."}],
               "output": {"role": "assistant", "content": "The customer disputes two line items."},
               "rate_limit": {"requests_limit": 500, "requests_remaining": 40, "tokens_limit": 200000, "tokens_remaining": 150000},
               "usage": {"input_tokens": 800, "output_tokens": 120}},
              {"started_at": "T-420", "provider": "openai", "model": "gpt-4o-mini", "latency_ms": 2900, "status": "error",
               "error": {"category": "rate_limit", "message": "Rate limit reached for requests", "http_status": 429},
               "input": [{"role": "user", "content": "Translate the weather report."}],
               "usage": {"input_tokens": 90, "output_tokens": 0}},
              {"started_at": "T-360", "provider": "openai", "model": "gpt-4o-mini", "latency_ms": 350, "tags": ["eval"],
               "input": [{"role": "user", "content": "Write a haiku about latency."}],
               "output": {"role": "assistant", "content": "Packets in the dusk"},
               "metadata": {"reference": "Packets wait in the dusk"},
               "usage": {"input_tokens": 40, "output_tokens": 17}},
              {"started_at": "T-300", "provider": "anthropic", "model": "claude-3-5-haiku-latest", "latency_ms": 980, "user_id": "user-ada",
               "session_id": "session-7", "tags": ["beta"],
               "input": [{"role": "user", "content": "Explain kubernetes pod eviction."}],
               "output": {"role": "assistant", "content": "Pods are evicted when a node runs short of resources."},
               "rate_limit": {"requests_limit": 4000, "requests_remaining": 3990, "tokens_limit": 400000, "tokens_remaining": 380000},
               "usage": {"input_tokens": 2100, "output_tokens": 650}},
              {"started_at": "T-240", "provider": "anthropic", "model": "claude-3-5-haiku-latest", "latency_ms": 720,
               "input": [{"role": "user", "content": "Draft a polite reply to the poem request."}],
               "output": {"role": "assistant", "content": "Thank you for your lovely poem."},
               "usage": {"input_tokens": 300, "output_tokens": 90}}
            ]}
            """;

    /** Sends calls through the real ingest API with the init key (every scope) and expects them accepted. */
    private static void ingest(URI endpoint, String body) throws IOException, InterruptedException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String calls = Pattern.compile("T-(\\d+)").matcher(body)
                .replaceAll(m -> now.minusSeconds(Long.parseLong(m.group(1))).toString());
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint)
                    .header("Authorization", "Bearer " + KEY.substring(KEY.indexOf(':') + 1))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(calls)).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(response.statusCode() / 100 == 2, "ingest answered " + response.statusCode() + ": " + response.body());
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
