package dev.argus.core.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argus.api.ExtensionKind;
import dev.argus.api.PluginConfig;
import dev.argus.api.evaluator.EvaluationContext;
import dev.argus.api.evaluator.EvaluationInput;
import dev.argus.api.evaluator.Evaluator;
import dev.argus.api.evaluator.Score;
import dev.argus.core.testing.TestPlugins;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled evaluator jars loaded from a folder through {@link PluginHost}, each in its isolated
 * class loader, scoring through the registry. Expected BLEU/ROUGE values are sacrebleu 2.6.0's and
 * rouge-score 0.1.2's for the named cases of shared/reference/bleu_rouge_cases.json.
 */
class EvaluatorPluginsTest {

    private static final double EPS = 1e-9;

    // case "papineni_candidate1" and "stemming_sensitive" of the reference file
    private static final String PAPINENI_REF =
            "It is a guide to action that ensures that the military will forever heed Party commands.";
    private static final String PAPINENI_CAND =
            "It is a guide to action which ensures that the military always obeys the commands of the party.";
    private static final String STEM_REF = "The runners were running quickly to the finishing line.";
    private static final String STEM_CAND = "The runner runs quick to the finish lines.";

    @TempDir
    Path plugins;

    private PluginHost start(Map<String, Map<String, String>> settings) throws Exception {
        TestPlugins.copyBundled("evaluator-text-metrics.jar", plugins);
        TestPlugins.copyBundled("evaluator-semantic.jar", plugins);
        PluginHost host = new PluginHost(plugins, settings, Clock.systemUTC());
        host.start();
        return host;
    }

    private static PluginStatus status(PluginHost host, String id) {
        return host.statuses().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void bothJarsStartWithTheirEvaluators() throws Exception {
        try (PluginHost host = start(Map.of())) {
            PluginStatus metrics = status(host, "evaluator-text-metrics");
            assertEquals("started", metrics.state(), String.valueOf(metrics.error()));
            assertEquals(List.of("bleu", "rouge", "rouge-1", "rouge-2", "rouge-l", "rouge-lsum"),
                    metrics.extensions().stream().map(PluginStatus.ExtensionStatus::id).toList());
            assertTrue(metrics.extensions().stream().allMatch(e -> e.kind().equals("evaluator") && e.state().equals("active")));
            PluginStatus semantic = status(host, "evaluator-semantic");
            assertEquals("started", semantic.state(), String.valueOf(semantic.error()));
            assertEquals(List.of("semantic_similarity"),
                    semantic.extensions().stream().map(PluginStatus.ExtensionStatus::id).toList());
            String description = host.registry().evaluator("semantic_similarity").orElseThrow().description();
            assertTrue(description.contains("not truth"), description);
        }
    }

    @Test
    void anEvaluatorWhoseRequiredSettingsComeWithEachCallStartsWithoutServerSettings() throws Exception {
        TestPlugins.copyBundled("evaluator-judge.jar", plugins);
        try (PluginHost host = start(Map.of())) {
            RegisteredExtension judge = host.registry().find(ExtensionKind.EVALUATOR, "llm_judge").orElseThrow();
            assertEquals("active", judge.state(), judge.problem());
            Evaluator evaluator = host.registry().evaluator("llm_judge").orElseThrow();
            assertEquals(List.of("provider is required", "model is required"),
                    evaluator.configSchema().validate(Map.of()), "each call must still give them");
            // the three-argument call reaches the plugin's override through the host's guard
            PluginConfig config = evaluator.configSchema().bind(Map.of("provider", "openai", "model", "gpt-4o-mini"));
            long calls = judge.health().calls();
            IllegalArgumentException noJudge = assertThrows(IllegalArgumentException.class, () -> evaluator.evaluate(
                    EvaluationInput.of("an answer", null), config, EvaluationContext.NONE));
            assertTrue(noJudge.getMessage().contains("needs a judge model"), noJudge.getMessage());
            assertEquals(calls + 1, judge.health().calls());
        }
        try (PluginHost host = new PluginHost(plugins, Map.of("llm_judge", Map.of("scale", "2-7")), Clock.systemUTC())) {
            host.start();
            RegisteredExtension judge = host.registry().find(ExtensionKind.EVALUATOR, "llm_judge").orElseThrow();
            assertEquals("misconfigured", judge.state(), "server settings that are given are still checked");
            assertTrue(judge.problem().contains("scale must be one of"), judge.problem());
        }
    }

    @Test
    void bleuAndRougeScoreThroughTheRegistryAsTheReferenceTools() throws Exception {
        try (PluginHost host = start(Map.of("rouge", Map.of("use_stemmer", "true")))) {
            Evaluator bleu = host.registry().evaluator("bleu").orElseThrow();
            Score score = bleu.evaluate(EvaluationInput.of(PAPINENI_CAND, PAPINENI_REF));
            assertEquals(39.67088290836578, (double) score.details().get("bleu"), EPS);
            assertEquals(0.3967088290836578, score.value(), EPS);
            assertEquals(1.0, (double) score.details().get("bp"), EPS);

            // per-call settings, validated by the schema the plugin declares
            PluginConfig charLevel = bleu.configSchema().bind(Map.of("tokenize", "char"));
            assertEquals(64.17880200076877,
                    (double) bleu.evaluate(EvaluationInput.of(PAPINENI_CAND, PAPINENI_REF), charLevel).details().get("bleu"), EPS);
            assertThrows(IllegalArgumentException.class, () -> bleu.configSchema().bind(Map.of("tokenize", "moses")));

            // host settings turned the stemmer on for "rouge"; rouge-l has its own (default: off)
            Score stemmed = host.registry().evaluator("rouge").orElseThrow().evaluate(EvaluationInput.of(STEM_CAND, STEM_REF));
            assertEquals(0.823529411764706, stemmed.value(), EPS);
            @SuppressWarnings("unchecked")
            Map<String, Object> rouge2 = (Map<String, Object>) stemmed.details().get("rouge2");
            assertEquals(0.5333333333333333, (double) rouge2.get("fmeasure"), EPS);
            Score plain = host.registry().evaluator("rouge-l").orElseThrow().evaluate(EvaluationInput.of(STEM_CAND, STEM_REF));
            assertEquals(0.35294117647058826, plain.value(), EPS);

            IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                    () -> bleu.evaluate(EvaluationInput.of("an answer", null)));
            assertTrue(missing.getMessage().contains("reference"), missing.getMessage());
        }
    }

    @Test
    void semanticSimilarityRunsTheBundledModelInsideThePluginClassLoader() throws Exception {
        try (PluginHost host = start(Map.of())) {
            RegisteredExtension registered = host.registry().find(ExtensionKind.EVALUATOR, "semantic_similarity").orElseThrow();
            Evaluator semantic = (Evaluator) registered.extension();
            Score paraphrase = semantic.evaluate(EvaluationInput.of(
                    "The meeting was moved to next Tuesday afternoon.",
                    "The meeting has been rescheduled for Tuesday afternoon next week."));
            Score unrelated = semantic.evaluate(EvaluationInput.of(
                    "The meeting was moved to next Tuesday afternoon.",
                    "Penguins cannot fly but they are excellent swimmers."));
            assertTrue(paraphrase.value() > 0.7, "paraphrase " + paraphrase.details());
            assertTrue(unrelated.value() < 0.3, "unrelated " + unrelated.details());
            assertTrue(paraphrase.value() - unrelated.value() > 0.4);
            assertEquals(384, paraphrase.details().get("dimensions"));
            assertNull(paraphrase.label());
            assertEquals("true", System.getProperty("ai.djl.offline"), "DJL must run offline");

            PluginConfig strict = semantic.configSchema().bind(Map.of("threshold", "0.9"));
            assertEquals("fail", semantic.evaluate(EvaluationInput.of("The meeting was moved to next Tuesday afternoon.",
                    "Penguins cannot fly but they are excellent swimmers."), strict).label());

            // the model's libraries are the plugin's own: the host cannot see them
            assertThrows(ClassNotFoundException.class,
                    () -> Class.forName("dev.langchain4j.model.embedding.EmbeddingModel", false, getClass().getClassLoader()));
        }
    }

    @Test
    void aSecondHostInTheSameJvmAlsoLoadsTheNativeTokenizer() throws Exception {
        // DJL's tokenizer library lives at one fixed path; the JVM binds it to the first class loader
        // that loads it. A second plugin class loader must still get a working binding.
        try (PluginHost first = start(Map.of())) {
            Evaluator a = first.registry().evaluator("semantic_similarity").orElseThrow();
            double fromFirst = a.evaluate(EvaluationInput.of("A cat sleeps on the sofa.", "A kitten naps on the couch.")).value();
            Path other = plugins.resolveSibling(plugins.getFileName() + "-second");
            TestPlugins.copyBundled("evaluator-semantic.jar", other);
            try (PluginHost second = new PluginHost(other, Map.of(), Clock.systemUTC())) {
                second.start();
                Evaluator b = second.registry().evaluator("semantic_similarity").orElseThrow();
                assertNotSame(a, b);
                double fromSecond = b.evaluate(EvaluationInput.of("A cat sleeps on the sofa.", "A kitten naps on the couch.")).value();
                assertEquals(fromFirst, fromSecond, 1e-6);
                assertTrue(fromSecond > 0.6, "similar sentences: " + fromSecond);
            }
        }
    }
}
