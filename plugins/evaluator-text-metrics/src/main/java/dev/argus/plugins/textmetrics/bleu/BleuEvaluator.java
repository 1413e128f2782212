package dev.argus.plugins.textmetrics.bleu;

import dev.argus.api.ConfigField;
import dev.argus.api.ConfigField.Type;
import dev.argus.api.ConfigSchema;
import dev.argus.api.PluginConfig;
import dev.argus.api.PluginContext;
import dev.argus.api.evaluator.EvaluationInput;
import dev.argus.api.evaluator.Evaluator;
import dev.argus.api.evaluator.Score;
import dev.argus.plugins.textmetrics.References;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.pf4j.Extension;

/**
 * {@code bleu}: BLEU as sacrebleu 2.x computes it. At {@code level=sentence} (default) it is
 * {@code sentence_bleu(candidate, references)}; at {@code level=corpus} the candidate and each
 * reference are read as one segment per line, like the sacrebleu command line, and the result is
 * {@code corpus_bleu}. The score is BLEU / 100 (capped at 1); the details carry sacrebleu's 0..100
 * {@code bleu}, the precisions, brevity penalty, lengths and the n-gram counts from which corpus
 * BLEU can be recomputed.
 */
@Extension
public final class BleuEvaluator implements Evaluator {

    static final String LEVEL_SENTENCE = "sentence";
    static final String LEVEL_CORPUS = "corpus";

    private volatile PluginConfig defaults = configSchema().bind(Map.of());

    @Override
    public String id() {
        return "bleu";
    }

    @Override
    public String displayName() {
        return "BLEU (sacrebleu)";
    }

    @Override
    public String description() {
        return "n-gram precision of the answer against one or more references with a brevity penalty, exactly as "
                + "sacrebleu 2.x (tokenizers 13a, intl, char, none; smoothing exp, floor, add-k, none). "
                + "Score = BLEU/100. Measures surface overlap, not meaning.";
    }

    @Override
    public ConfigSchema configSchema() {
        return ConfigSchema.of(
                new ConfigField("tokenize", Type.ENUM, false, false, "13a",
                        "sacrebleu tokenizer: 13a (mteval-v13a, default), intl (Unicode punctuation and symbols), "
                                + "char (every character), none (split on whitespace only).",
                        List.of("13a", "intl", "char", "none")),
                new ConfigField("smooth_method", Type.ENUM, false, false, "exp",
                        "Smoothing for zero n-gram matches: exp (NIST, default), floor, add-k, none.",
                        Smoothing.names()),
                ConfigField.optional("smooth_value", Type.NUMBER, null,
                        "Value for floor (default 0.1) and add-k (default 1); ignored by exp and none."),
                ConfigField.optional("lowercase", Type.BOOLEAN, "false", "Lowercase candidate and references first."),
                ConfigField.optional("use_effective_order", Type.BOOLEAN, null,
                        "Average only over n-gram orders the candidate has. Default: true at sentence level "
                                + "(sentence_bleu), false at corpus level (corpus_bleu)."),
                ConfigField.optional("max_ngram_order", Type.INTEGER, "4", "Highest n-gram order (BLEU-4 by default)."),
                new ConfigField("level", Type.ENUM, false, false, LEVEL_SENTENCE,
                        "sentence: the whole answer is one segment. corpus: one segment per line of the answer "
                                + "and of each reference (same line counts), scored as corpus_bleu.",
                        List.of(LEVEL_SENTENCE, LEVEL_CORPUS)));
    }

    @Override
    public Set<Requirement> requirements() {
        return Set.of(Requirement.REFERENCE);
    }

    @Override
    public void init(PluginContext context) {
        defaults = context.config();
    }

    @Override
    public Score evaluate(EvaluationInput input) {
        return evaluate(input, defaults);
    }

    @Override
    public Score evaluate(EvaluationInput input, PluginConfig config) {
        List<String> references = References.of(input, id());
        boolean corpus = LEVEL_CORPUS.equals(config.getString("level", LEVEL_SENTENCE));
        SacreBleu bleu = metric(config, corpus);
        BleuScore result;
        if (corpus) {
            List<String> hypotheses = lines(input.output());
            List<List<String>> streams = new ArrayList<>();
            for (String reference : references) {
                List<String> stream = lines(reference);
                if (stream.size() != hypotheses.size()) {
                    throw new IllegalArgumentException("level=corpus needs as many reference lines as answer lines ("
                            + hypotheses.size() + "), got " + stream.size());
                }
                streams.add(stream);
            }
            result = bleu.corpusScore(hypotheses, streams);
        } else {
            if (references.stream().allMatch(String::isEmpty)) {
                throw new IllegalArgumentException("bleu needs a non-empty reference");
            }
            result = bleu.sentenceScore(input.output(), references);
        }
        Map<String, Object> details = new LinkedHashMap<>(result.details());
        details.put("signature", signature(config, corpus, references.size()));
        return new Score(Math.max(0.0, Math.min(1.0, result.score() / 100.0)), null, format(result), details);
    }

    static SacreBleu metric(PluginConfig config, boolean corpus) {
        Smoothing smoothing = Smoothing.named(config.getString("smooth_method", "exp"));
        Double smoothValue = config.get("smooth_value").map(Double::parseDouble).orElse(null);
        long maxOrder = config.getLong("max_ngram_order", SacreBleu.MAX_NGRAM_ORDER);
        if (maxOrder < 1 || maxOrder > 10) {
            throw new IllegalArgumentException("max_ngram_order must be between 1 and 10");
        }
        boolean effectiveOrder = config.getBoolean("use_effective_order", !corpus);
        return new SacreBleu(config.getString("tokenize", "13a"), smoothing, smoothValue,
                config.getBoolean("lowercase", false), effectiveOrder, (int) maxOrder);
    }

    /** The lines of a text as the sacrebleu command line reads a file: a final newline ends the last line. */
    static List<String> lines(String text) {
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return List.of(body.split("\n", -1));
    }

    /** sacrebleu's reproducibility signature, e.g. {@code nrefs:1|case:mixed|eff:yes|tok:13a|smooth:exp}. */
    private static String signature(PluginConfig config, boolean corpus, int refs) {
        Smoothing smoothing = Smoothing.named(config.getString("smooth_method", "exp"));
        String smooth = smoothing.wireName();
        if (smoothing.defaultValue() != null) {
            double value = config.get("smooth_value").map(Double::parseDouble).orElse(smoothing.defaultValue());
            smooth += String.format(Locale.ROOT, "[%.2f]", value);
        }
        return String.join("|", List.of(
                "nrefs:" + refs,
                "case:" + (config.getBoolean("lowercase", false) ? "lc" : "mixed"),
                "eff:" + (config.getBoolean("use_effective_order", !corpus) ? "yes" : "no"),
                "tok:" + config.getString("tokenize", "13a"),
                "smooth:" + smooth));
    }

    /** sacrebleu's one-line summary, e.g. {@code BLEU = 13.25 66.7/35.7/15.4/4.2 (BP = 0.670 …)}. */
    private static String format(BleuScore s) {
        String precisions = java.util.Arrays.stream(s.precisions())
                .mapToObj(p -> String.format(Locale.ROOT, "%.1f", p)).collect(Collectors.joining("/"));
        return String.format(Locale.ROOT, "BLEU = %.2f %s (BP = %.3f ratio = %.3f hyp_len = %d ref_len = %d)",
                s.score(), precisions, s.bp(), s.ratio(), s.sysLen(), s.refLen());
    }
}
