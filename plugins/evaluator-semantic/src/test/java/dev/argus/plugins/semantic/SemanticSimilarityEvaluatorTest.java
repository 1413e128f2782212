package dev.argus.plugins.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argus.api.PluginConfig;
import dev.argus.api.evaluator.EvaluationInput;
import dev.argus.api.evaluator.Score;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SemanticSimilarityEvaluatorTest {

    private final SemanticSimilarityEvaluator evaluator = new SemanticSimilarityEvaluator();

    private double score(String answer, String reference) {
        return evaluator.evaluate(EvaluationInput.of(answer, reference)).value();
    }

    @Test
    void paraphrasesScoreClearlyAboveUnrelatedText() {
        double paraphrase = score("How do I reset my password?", "What are the steps to change a forgotten password?");
        double unrelated = score("How do I reset my password?", "The recipe needs two cups of flour and an egg.");
        assertTrue(paraphrase > unrelated + 0.4, paraphrase + " vs " + unrelated);
        assertEquals(1.0, score("Same sentence.", "Same sentence."), 1e-5);
    }

    @Test
    void similarityIsTopicOverlapNotTruth() {
        // a wrong fact on the same topic still scores high: this evaluator cannot judge correctness
        double wrong = score("The capital of France is Lyon.", "The capital of France is Paris.");
        assertTrue(wrong > 0.6, "wrong but on topic: " + wrong);
        assertTrue(evaluator.description().contains("not truth"));
    }

    @Test
    void detailsAndThreshold() {
        PluginConfig config = evaluator.configSchema().bind(Map.of("threshold", "0.5"));
        Score score = evaluator.evaluate(EvaluationInput.of("A dog runs in the park.", "A puppy is running in a park."), config);
        assertEquals("pass", score.label());
        assertEquals(384, score.details().get("dimensions"));
        assertEquals("all-minilm-l6-v2-q", score.details().get("model"));
        assertEquals(score.value(), Math.max(0, (double) score.details().get("cosine")), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> evaluator.evaluate(EvaluationInput.of("a", "b"),
                evaluator.configSchema().bind(Map.of("threshold", "3"))));
    }

    @Test
    void emptyAnswerScoresLowAndAMissingReferenceIsRefused() {
        assertEquals(0.0, score("", "A detailed explanation of photosynthesis in plants."));
        assertEquals(0.0, score("  \n", "A detailed explanation of photosynthesis in plants."));
        assertThrows(IllegalArgumentException.class, () -> evaluator.evaluate(EvaluationInput.of("answer", null)));
    }

    @Test
    void cosineOfVectors() {
        assertEquals(1.0, Cosine.similarity(new float[] {1, 2}, new float[] {2, 4}), 1e-12);
        assertEquals(0.0, Cosine.similarity(new float[] {1, 0}, new float[] {0, 3}), 1e-12);
        assertEquals(-1.0, Cosine.similarity(new float[] {1, 1}, new float[] {-1, -1}), 1e-12);
        assertEquals(0.0, Cosine.similarity(new float[] {0, 0}, new float[] {1, 1}));
    }
}
