package dev.argus.core.analytics;

import static dev.argus.core.storage.jooq.Tables.EVALUATION_SCORES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.argus.core.testing.ApiClient;
import dev.argus.core.testing.RunningArgus;
import dev.argus.core.testing.TestPlugins;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's average evaluation score is the mean of the scores given, overall and per provider. */
class EvaluationScoreCardTest {

    static final String KEY = "pk-scorecard1:sk-scorecard00000000000000secret";

    @TempDir
    Path plugins;

    @Test
    void averageScoreCardMatchesTheStoredScores() throws Exception {
        TestPlugins.copyBundled("evaluator-text-metrics.jar", plugins);
        try (RunningArgus argus = RunningArgus.start(plugins, Map.of("ARGUS_INIT_PROJECT", "scores",
                "ARGUS_INIT_API_KEY", KEY))) {
            ApiClient api = new ApiClient(argus, KEY.substring(KEY.indexOf(':') + 1));
            String now = Instant.now().toString();
            JsonNode ingested = api.postOk("/api/v1/ingest", ApiClient.JSON.readTree("{\"calls\":["
                    + call("openai", now, "the cat sat on the mat", "the cat sat on the mat") + ","
                    + call("openai", now, "a cat sat on a mat", "the cat sat on the mat") + ","
                    + call("anthropic", now, "dogs bark loudly", "the cat sat on the mat") + "]}"));
            var queued = api.post("/api/v1/evaluations", ApiClient.JSON.readTree(
                    "{\"evaluator\":\"rouge\",\"call_ids\":" + ingested.path("ids") + "}"));
            assertEquals(202, queued.statusCode(), queued.body());
            String id = ApiClient.JSON.readTree(queued.body()).path("id").asText();
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!api.getOk("/api/v1/evaluations/" + id).path("status").asText().startsWith("completed")) {
                assertTrue(System.nanoTime() < deadline, "the evaluation did not finish");
                Thread.sleep(50);
            }
            var dsl = argus.argus().database().dsl();
            double all = dsl.select(DSL.avg(EVALUATION_SCORES.VALUE)).from(EVALUATION_SCORES).fetchOne(0, Double.class);
            String range = "from=" + encode(Instant.now().minus(1, ChronoUnit.HOURS)) + "&to="
                    + encode(Instant.now().plus(1, ChronoUnit.MINUTES));
            JsonNode card = api.getOk("/api/v1/metrics/dashboard?" + range).path("cards").path("avg_evaluation_score");
            assertEquals(all, card.path("value").asDouble(), 1e-9, card.toString());
            assertTrue(all > 0 && all < 1, "a perfect, a partial and an unrelated answer: " + all);

            JsonNode openai = api.getOk("/api/v1/metrics/dashboard?" + range + "&provider=openai").path("cards")
                    .path("avg_evaluation_score");
            assertTrue(openai.path("value").asDouble() > all, "openai's two answers score above the mean: " + openai);
            JsonNode none = api.getOk("/api/v1/metrics/dashboard?" + range + "&provider=ollama").path("cards")
                    .path("avg_evaluation_score");
            assertTrue(none.path("value").isNull(), none.toString());
        }
    }

    private static String call(String provider, String startedAt, String output, String reference) {
        return "{\"provider\":\"" + provider + "\",\"model\":\"m\",\"started_at\":\"" + startedAt + "\",\"latency_ms\":10,"
                + "\"input\":\"describe\",\"output\":\"" + output + "\",\"metadata\":{\"reference\":\"" + reference + "\"}}";
    }

    private static String encode(Instant instant) {
        return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
    }
}
