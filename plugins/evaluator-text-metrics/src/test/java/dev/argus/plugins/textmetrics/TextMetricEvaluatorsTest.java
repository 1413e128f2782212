package dev.argus.plugins.textmetrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argus.api.ConfigField;
import dev.argus.api.PluginConfig;
import dev.argus.api.evaluator.EvaluationInput;
import dev.argus.api.evaluator.Evaluator;
import dev.argus.api.evaluator.Score;
import dev.argus.plugins.textmetrics.bleu.BleuEvaluator;
import dev.argus.plugins.textmetrics.rouge.Rouge2Evaluator;
import dev.argus.plugins.textmetrics.rouge.RougeEvaluator;
import dev.argus.plugins.textmetrics.rouge.RougeLsumEvaluator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The evaluators as the host uses them: config schemas, per-call settings, inputs and details. */
class TextMetricEvaluatorsTest {

    private static final double EPS = 1e-9;

    // reference case "multiline_partial" (sacrebleu 2.6.0 and rouge-score 0.1.2 values)
    private static final String REF = "Police arrested a man on Monday.\nHe is accused of stealing a car.\nThe car was found later.";
    private static final String CAND = "A man was arrested by police.\nThe stolen car was found on Monday.";

    private static PluginConfig bind(Evaluator e, Map<String, String> values) {
        return e.configSchema().bind(values);
    }

    @Test
    void bleuDeclaresSacrebleusSettings() {
        BleuEvaluator bleu = new BleuEvaluator();
        assertEquals(List.of("tokenize", "smooth_method", "smooth_value", "lowercase", "use_effective_order",
                "max_ngram_order", "level"), bleu.configSchema().fields().stream().map(ConfigField::name).toList());
        assertEquals(List.of("exp", "floor", "add-k", "none").stream().sorted().toList(),
                bleu.configSchema().fields().get(1).allowedValues().stream().sorted().toList());
        assertFalse(bleu.configSchema().validate(Map.of("smooth_method", "add-one")).isEmpty());
        assertEquals(java.util.Set.of(Evaluator.Requirement.REFERENCE), bleu.requirements());
    }

    @Test
    void bleuScoresWithDefaultsAndPerCallSettings() {
        BleuEvaluator bleu = new BleuEvaluator();
        Score score = bleu.evaluate(EvaluationInput.of(CAND, REF));
        assertEquals(13.249171906458201, (double) score.details().get("bleu"), EPS);
        assertEquals(0.13249171906458201, score.value(), EPS);
        assertEquals("BLEU = 13.25 66.7/35.7/15.4/4.2 (BP = 0.670 ratio = 0.714 hyp_len = 15 ref_len = 21)",
                score.explanation());
        assertEquals(15L, score.details().get("sys_len"));
        assertEquals(21L, score.details().get("ref_len"));
        assertEquals("nrefs:1|case:mixed|eff:yes|tok:13a|smooth:exp", score.details().get("signature"));
        assertEquals(17.259843637795367, (double) bleu.evaluate(EvaluationInput.of(CAND, REF),
                bind(bleu, Map.of("smooth_method", "add-k"))).details().get("bleu"), EPS);
        assertEquals(14.513740642861755, (double) bleu.evaluate(EvaluationInput.of(CAND, REF),
                bind(bleu, Map.of("lowercase", "true"))).details().get("bleu"), EPS);
        assertEquals("nrefs:1|case:lc|eff:yes|tok:13a|smooth:floor[0.10]", bleu.evaluate(EvaluationInput.of(CAND, REF),
                bind(bleu, Map.of("lowercase", "true", "smooth_method", "floor"))).details().get("signature"));
    }

    @Test
    void identicalTextsScoreOneNotMore() {
        Score score = new BleuEvaluator().evaluate(EvaluationInput.of("The cat sat on the mat.", "The cat sat on the mat."));
        assertEquals(1.0, score.value());
        assertTrue((double) score.details().get("bleu") >= 100.0);
    }

    @Test
    void extraReferencesComeFromExpected() {
        EvaluationInput input = new EvaluationInput("", "the the cat", "the cat",
                Map.of("references", List.of("the the dog sat here")), Map.of(), null, null);
        Score score = new BleuEvaluator().evaluate(input);
        assertEquals(Math.cbrt(100 * 100 * 50), (double) score.details().get("bleu"), EPS);
        assertTrue(((String) score.details().get("signature")).startsWith("nrefs:2|"));
        EvaluationInput bad = new EvaluationInput("", "x", "y", Map.of("references", "z"), Map.of(), null, null);
        assertThrows(IllegalArgumentException.class, () -> new BleuEvaluator().evaluate(bad));
    }

    @Test
    void corpusLevelReadsOneSegmentPerLine() {
        BleuEvaluator bleu = new BleuEvaluator();
        PluginConfig corpus = bind(bleu, Map.of("level", "corpus", "use_effective_order", "true"));
        Score score = bleu.evaluate(EvaluationInput.of("the cat sat\na dog\n", "the cat sat\na dog barked\n"), corpus);
        assertEquals(100 * Math.exp(-0.2), (double) score.details().get("bleu"), EPS);
        assertEquals(List.of(5L, 3L, 1L, 0L), score.details().get("counts"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> bleu.evaluate(EvaluationInput.of("one\ntwo", "one"), corpus));
        assertTrue(e.getMessage().contains("lines"), e.getMessage());
    }

    @Test
    void missingReferenceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BleuEvaluator().evaluate(EvaluationInput.of("x", null)));
        assertThrows(IllegalArgumentException.class, () -> new BleuEvaluator().evaluate(EvaluationInput.of("x", "")));
        assertThrows(IllegalArgumentException.class, () -> new RougeEvaluator().evaluate(EvaluationInput.of("x", null)));
    }

    @Test
    void rougeReportsAllVariantsAndScoresThePickedOne() {
        RougeEvaluator rouge = new RougeEvaluator();
        Score score = rouge.evaluate(EvaluationInput.of(CAND, REF));
        assertEquals(0.3870967741935484, score.value(), EPS, "rougeL by default");
        assertEquals(Map.of("precision", 0.6153846153846154, "recall", 0.4444444444444444, "fmeasure", 0.5161290322580646)
                .keySet(), ((Map<?, ?>) score.details().get("rougeLsum")).keySet());
        assertEquals(0.5161290322580646, (double) ((Map<?, ?>) score.details().get("rougeLsum")).get("fmeasure"), EPS);
        assertEquals(0.6451612903225806, rouge.evaluate(EvaluationInput.of(CAND, REF),
                bind(rouge, Map.of("rouge_type", "rouge1"))).value(), EPS);
        assertFalse(rouge.configSchema().validate(Map.of("rouge_type", "rouge3")).isEmpty());
        assertEquals(0.27586206896551724, new Rouge2Evaluator().evaluate(EvaluationInput.of(CAND, REF)).value(), EPS);
        assertEquals(0.5161290322580646, new RougeLsumEvaluator().evaluate(EvaluationInput.of(CAND, REF)).value(), EPS);
        assertEquals(List.of("use_stemmer"),
                new Rouge2Evaluator().configSchema().fields().stream().map(ConfigField::name).toList());
        assertEquals("rouge-2", new Rouge2Evaluator().id());
    }
}
