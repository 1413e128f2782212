package dev.argus.plugins.textmetrics.rouge;

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
import org.pf4j.Extension;

/**
 * {@code rouge}: ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-Lsum as Google's rouge-score computes them. All
 * four are in the details; the score is the F-measure of the variant picked with {@code rouge_type}.
 * The subclasses {@code rouge-1}, {@code rouge-2}, {@code rouge-l} and {@code rouge-lsum} fix the
 * variant. With several references ({@code expected.references}) each variant takes the reference
 * with the best F-measure, as {@code score_multi}.
 */
@Extension
public class RougeEvaluator implements Evaluator {

    private static final RougeScorer PLAIN = new RougeScorer(false);
    private static final RougeScorer STEMMED = new RougeScorer(true);

    private final String id;
    private final RougeType fixedType;
    private volatile PluginConfig defaults;

    /** The configurable {@code rouge} evaluator. */
    public RougeEvaluator() {
        this("rouge", null);
    }

    /**
     * @param id        the extension id
     * @param fixedType the variant this evaluator always scores, or {@code null} to read {@code rouge_type}
     */
    protected RougeEvaluator(String id, RougeType fixedType) {
        this.id = id;
        this.fixedType = fixedType;
        this.defaults = configSchema().bind(Map.of());
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String displayName() {
        return fixedType == null ? "ROUGE (rouge-score)" : "ROUGE-" + fixedType.wireName().substring(5) + " (rouge-score)";
    }

    @Override
    public String description() {
        String variant = fixedType == null
                ? "the variant chosen with rouge_type (rouge1, rouge2, rougeL, rougeLsum)"
                : fixedType.wireName();
        return "Word overlap of the answer with the reference, exactly as Google's rouge-score (lowercased "
                + "[a-z0-9] tokens, optional Porter stemming; rougeLsum splits sentences on newlines). "
                + "Score = F-measure of " + variant + "; details hold precision, recall and F-measure of all four.";
    }

    @Override
    public ConfigSchema configSchema() {
        ConfigField stemmer = ConfigField.optional("use_stemmer", Type.BOOLEAN, "false",
                "Stem tokens longer than 3 characters with NLTK's Porter stemmer, as rouge-score's use_stemmer.");
        if (fixedType != null) {
            return ConfigSchema.of(stemmer);
        }
        return ConfigSchema.of(
                new ConfigField("rouge_type", Type.ENUM, false, false, RougeType.ROUGE_L.wireName(),
                        "The variant whose F-measure is the score: rouge1, rouge2, rougeL (default) or rougeLsum.",
                        RougeType.names()),
                stemmer);
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
        List<String> references = References.of(input, id);
        RougeType type = fixedType != null ? fixedType
                : RougeType.named(config.getString("rouge_type", RougeType.ROUGE_L.wireName()));
        boolean useStemmer = config.getBoolean("use_stemmer", false);
        RougeScorer scorer = useStemmer ? STEMMED : PLAIN;
        Map<RougeType, RougeScore> scores = references.size() == 1
                ? scorer.score(references.get(0), input.output())
                : scorer.scoreMulti(references, input.output());
        Map<String, Object> details = new LinkedHashMap<>();
        List<String> summary = new ArrayList<>();
        for (var entry : scores.entrySet()) {
            details.put(entry.getKey().wireName(), entry.getValue().toMap());
            summary.add(String.format(Locale.ROOT, "%s F=%.4f", entry.getKey().wireName(), entry.getValue().fmeasure()));
        }
        details.put("rouge_type", type.wireName());
        details.put("use_stemmer", useStemmer);
        return new Score(scores.get(type).fmeasure(), null, String.join(", ", summary), details);
    }
}
