package dev.argus.plugins.textmetrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.argus.plugins.textmetrics.bleu.BleuScore;
import dev.argus.plugins.textmetrics.bleu.BleuTokenizer;
import dev.argus.plugins.textmetrics.bleu.SacreBleu;
import dev.argus.plugins.textmetrics.bleu.Smoothing;
import dev.argus.plugins.textmetrics.rouge.RougeScore;
import dev.argus.plugins.textmetrics.rouge.RougeScorer;
import dev.argus.plugins.textmetrics.rouge.RougeTokenizer;
import dev.argus.plugins.textmetrics.rouge.RougeType;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every sacrebleu and rouge-score value of {@code reference/bleu_rouge_cases.json} (computed by the
 * Python reference tools, see the README beside it), matched to 1e-9.
 */
class ReferenceCasesTest {

    private static final double TOLERANCE = 1e-9;

    private static JsonNode cases() throws IOException {
        try (InputStream in = ReferenceCasesTest.class.getResourceAsStream("/reference/bleu_rouge_cases.json")) {
            return new ObjectMapper().readTree(in).get("cases");
        }
    }

    /** The sacrebleu configuration behind each stored variant name. */
    private static final Map<String, SacreBleu> BLEU_VARIANTS = Map.of(
            "lowercase", new SacreBleu("13a", Smoothing.EXP, null, true, true, 4),
            "tokenize_intl", new SacreBleu("intl", Smoothing.EXP, null, false, true, 4),
            "tokenize_char", new SacreBleu("char", Smoothing.EXP, null, false, true, 4),
            "tokenize_none", new SacreBleu("none", Smoothing.EXP, null, false, true, 4),
            "smooth_none", new SacreBleu("13a", Smoothing.NONE, null, false, true, 4),
            "smooth_floor_0.1", new SacreBleu("13a", Smoothing.FLOOR, 0.1, false, true, 4),
            "smooth_add-k_1", new SacreBleu("13a", Smoothing.ADD_K, 1.0, false, true, 4),
            "no_effective_order", new SacreBleu("13a", Smoothing.EXP, null, false, false, 4));

    @Test
    void theFileHoldsTheSixteenCasesAndEveryVariantIsKnown() throws IOException {
        JsonNode cases = cases();
        assertEquals(16, cases.size());
        for (JsonNode c : cases) {
            List<String> names = new ArrayList<>();
            c.get("sacrebleu_sentence_bleu_variants").fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                assertEquals(true, BLEU_VARIANTS.containsKey(name), "unmapped variant " + name);
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> sacrebleuSentenceBleuWithDefaults() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : cases()) {
            tests.add(DynamicTest.dynamicTest(c.get("id").asText(), () -> {
                JsonNode expected = c.get("sacrebleu_sentence_bleu");
                BleuScore actual = SacreBleu.sentenceDefaults()
                        .sentenceScore(c.get("candidate").asText(), List.of(c.get("reference").asText()));
                assertEquals(expected.get("score").asDouble(), actual.score(), TOLERANCE, "score");
                assertArrayEquals(doubles(expected.get("precisions")), actual.precisions(), TOLERANCE, "precisions");
                assertEquals(expected.get("bp").asDouble(), actual.bp(), TOLERANCE, "bp");
                assertEquals(expected.get("sys_len").asLong(), actual.sysLen(), "sys_len");
                assertEquals(expected.get("ref_len").asLong(), actual.refLen(), "ref_len");
                assertArrayEquals(longs(expected.get("counts")), actual.counts(), "counts");
                assertArrayEquals(longs(expected.get("totals")), actual.totals(), "totals");
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> sacrebleuVariants() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : cases()) {
            c.get("sacrebleu_sentence_bleu_variants").fields().forEachRemaining(variant ->
                    tests.add(DynamicTest.dynamicTest(c.get("id").asText() + " " + variant.getKey(), () -> {
                        BleuScore actual = BLEU_VARIANTS.get(variant.getKey())
                                .sentenceScore(c.get("candidate").asText(), List.of(c.get("reference").asText()));
                        assertEquals(variant.getValue().asDouble(), actual.score(), TOLERANCE);
                    })));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> sacrebleu13aTokens() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : cases()) {
            tests.add(DynamicTest.dynamicTest(c.get("id").asText(), () -> {
                JsonNode tokens = c.get("sacrebleu_13a_tokens");
                assertEquals(tokens.get("reference").asText(), BleuTokenizer.named("13a").tokenize(c.get("reference").asText()));
                assertEquals(tokens.get("candidate").asText(), BleuTokenizer.named("13a").tokenize(c.get("candidate").asText()));
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> rougeScoreTokens() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        RougeTokenizer plain = new RougeTokenizer(false);
        RougeTokenizer stemmed = new RougeTokenizer(true);
        for (JsonNode c : cases()) {
            tests.add(DynamicTest.dynamicTest(c.get("id").asText(), () -> {
                JsonNode tokens = c.get("rouge_tokens");
                String reference = c.get("reference").asText();
                String candidate = c.get("candidate").asText();
                assertEquals(strings(tokens.get("reference")), plain.tokenize(reference));
                assertEquals(strings(tokens.get("candidate")), plain.tokenize(candidate));
                assertEquals(strings(tokens.get("reference_stemmed")), stemmed.tokenize(reference));
                assertEquals(strings(tokens.get("candidate_stemmed")), stemmed.tokenize(candidate));
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> rougeScoreWithAndWithoutStemmer() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : cases()) {
            for (boolean stem : new boolean[] {false, true}) {
                tests.add(DynamicTest.dynamicTest(c.get("id").asText() + (stem ? " stemmer" : " no stemmer"), () -> {
                    JsonNode expected = c.get(stem ? "rouge_stemmer" : "rouge_no_stemmer");
                    Map<RougeType, RougeScore> actual = new RougeScorer(stem)
                            .score(c.get("reference").asText(), c.get("candidate").asText());
                    for (RougeType type : RougeType.values()) {
                        JsonNode e = expected.get(type.wireName());
                        RougeScore a = actual.get(type);
                        assertEquals(e.get("precision").asDouble(), a.precision(), TOLERANCE, type + " precision");
                        assertEquals(e.get("recall").asDouble(), a.recall(), TOLERANCE, type + " recall");
                        assertEquals(e.get("fmeasure").asDouble(), a.fmeasure(), TOLERANCE, type + " fmeasure");
                    }
                }));
            }
        }
        return tests.stream();
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    private static long[] longs(JsonNode array) {
        long[] out = new long[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asLong();
        }
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
