package dev.argus.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.argus.api.PluginConfig;
import dev.argus.api.evaluator.EvaluationInput;
import dev.argus.api.evaluator.Evaluator;
import dev.argus.api.evaluator.Score;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The contract of an {@link Evaluator}: scores are numbers in [0, 1], details are JSON, per-call
 * settings replace the init settings, concurrent calls agree with sequential ones, and input that
 * cannot be scored is refused with {@link IllegalArgumentException} (which the host reports as the
 * caller's mistake, not as a fault of the plugin).
 *
 * <pre>{@code
 * class MyEvaluatorContractTest extends EvaluatorContract {
 *     @Override
 *     protected Evaluator newExtension() {
 *         return new MyEvaluator();
 *     }
 * }
 * }</pre>
 */
public abstract class EvaluatorContract extends ExtensionContract<Evaluator> {

    /**
     * Inputs the evaluator can score. The default covers a short answer, a sentence, non-Latin text
     * and a long answer, each with a reference and an expected JSON object; override it to add cases
     * that matter to your evaluator, and always for a {@link Evaluator.Requirement#JUDGE_PROVIDER}
     * evaluator (the default has no judge).
     */
    protected List<EvaluationInput> inputs() {
        Map<String, Object> expected = Map.of("answer", "Paris");
        String longText = "The quick brown fox jumps over the lazy dog. ".repeat(60);
        return List.of(
                new EvaluationInput("What is the capital of France?", "Paris", "Paris", expected, Map.of(), null, null),
                new EvaluationInput("Describe Paris.", "The capital of France is Paris, on the Seine.",
                        "Paris is the capital of France.", expected, Map.of(), null, null),
                new EvaluationInput("Übersetze bitte.", "Grüße aus Köln — 東京 🚀", "Grüße aus Köln", expected,
                        Map.of("lang", "de"), null, null),
                new EvaluationInput("Repeat the pangram sixty times.", longText, longText.trim(), expected, Map.of(),
                        null, null));
    }

    /** Whether the same input always gets the same score; evaluators that ask a model say {@code false}. */
    protected boolean deterministic() {
        return true;
    }

    @Test
    void scoresAreFiniteNumbersFromZeroToOne() {
        Evaluator evaluator = initialised();
        for (EvaluationInput input : inputs()) {
            Score score = evaluator.evaluate(input);
            assertTrue(score != null, "evaluate returned null for " + describe(input));
            assertTrue(Double.isFinite(score.value()) && score.value() >= 0 && score.value() <= 1,
                    "score " + score.value() + " is outside [0, 1] for " + describe(input));
        }
    }

    @Test
    void detailsHoldOnlyJsonValues() {
        Evaluator evaluator = initialised();
        for (EvaluationInput input : inputs()) {
            Score score = evaluator.evaluate(input);
            JsonValues.check("details", score.details());
        }
    }

    @Test
    void perCallSettingsTakeThePlaceOfTheInitSettings() {
        Assumptions.assumeTrue(deterministic(), "scores vary from call to call");
        Evaluator configuredAtInit = initialised();
        Evaluator defaults = newExtension();
        boolean defaultsSuffice = defaults.configSchema().validate(Map.of()).isEmpty();
        TestContext.init(defaults, defaultsSuffice ? Map.of() : settings());
        PluginConfig perCall = defaults.configSchema().bind(settings());
        for (EvaluationInput input : inputs()) {
            assertEquals(configuredAtInit.evaluate(input), defaults.evaluate(input, perCall),
                    "evaluate(input, config) with the settings given to init scores differently for " + describe(input));
        }
    }

    @Test
    void concurrentCallsAgreeWithSequentialOnes() throws Exception {
        Assumptions.assumeTrue(deterministic(), "scores vary from call to call");
        Evaluator evaluator = initialised();
        List<EvaluationInput> inputs = inputs();
        List<Score> sequential = new ArrayList<>();
        for (EvaluationInput input : inputs) {
            sequential.add(evaluator.evaluate(input));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Score>> futures = new ArrayList<>();
            for (int round = 0; round < 16; round++) {
                for (EvaluationInput input : inputs) {
                    futures.add(pool.submit(() -> evaluator.evaluate(input)));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertEquals(sequential.get(i % inputs.size()), futures.get(i).get(),
                        "the host calls one instance from many threads; a concurrent call scored "
                                + describe(inputs.get(i % inputs.size())) + " differently");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void inputMissingARequirementIsRefusedWithIllegalArgumentException() {
        Evaluator evaluator = initialised();
        Assumptions.assumeFalse(evaluator.requirements().isEmpty(), "the evaluator requires nothing");
        EvaluationInput full = inputs().getFirst();
        for (Evaluator.Requirement requirement : evaluator.requirements()) {
            EvaluationInput missing = switch (requirement) {
                case REFERENCE -> new EvaluationInput(full.input(), full.output(), null, full.expected(), full.metadata(),
                        full.judge(), full.judgeModel());
                case EXPECTED_JSON -> new EvaluationInput(full.input(), full.output(), full.reference(), Map.of(),
                        full.metadata(), full.judge(), full.judgeModel());
                case JUDGE_PROVIDER -> new EvaluationInput(full.input(), full.output(), full.reference(), full.expected(),
                        full.metadata(), null, null);
            };
            assertThrows(IllegalArgumentException.class, () -> evaluator.evaluate(missing),
                    "an input without its " + requirement + " must be refused with IllegalArgumentException");
        }
    }

    @Test
    void anEmptyAnswerIsScoredOrRefusedWithIllegalArgumentException() {
        Evaluator evaluator = initialised();
        EvaluationInput full = inputs().getFirst();
        EvaluationInput empty = new EvaluationInput(full.input(), "", full.reference(), full.expected(), full.metadata(),
                full.judge(), full.judgeModel());
        try {
            Score score = evaluator.evaluate(empty);
            assertFalse(score == null || Double.isNaN(score.value()), "an empty answer got no score");
            assertTrue(score.value() >= 0 && score.value() <= 1, "an empty answer scored " + score.value());
        } catch (IllegalArgumentException expected) {
            // refusing is fine: the host answers 4xx
        } catch (RuntimeException e) {
            fail("an empty answer made evaluate throw " + e + "; the host counts that as a fault of the plugin", e);
        }
    }

    private static String describe(EvaluationInput input) {
        String output = input.output();
        return "output \"" + (output.length() > 40 ? output.substring(0, 40) + "…" : output) + "\"";
    }
}
