package dev.argus.plugins.semantic;

import dev.argus.api.ConfigField;
import dev.argus.api.ConfigField.Type;
import dev.argus.api.ConfigSchema;
import dev.argus.api.PluginConfig;
import dev.argus.api.PluginContext;
import dev.argus.api.evaluator.EvaluationInput;
import dev.argus.api.evaluator.Evaluator;
import dev.argus.api.evaluator.Score;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;

/**
 * {@code semantic_similarity}: cosine similarity of the answer's and the reference's sentence
 * embeddings from the in-process all-MiniLM-L6-v2 model. The score is the cosine clipped at 0; the
 * raw cosine is in the details. It measures how close the texts are in topic and wording, not
 * whether the answer is true: "The capital of France is Paris." and "… is Lyon." score high.
 */
@Extension
public final class SemanticSimilarityEvaluator implements Evaluator {

    static final String MODEL_NAME = "all-minilm-l6-v2-q";

    private volatile PluginConfig defaults = configSchema().bind(Map.of());

    @Override
    public String id() {
        return "semantic_similarity";
    }

    @Override
    public String displayName() {
        return "Semantic similarity (all-MiniLM-L6-v2)";
    }

    @Override
    public String description() {
        return "Cosine similarity of sentence embeddings of the answer and the reference, computed offline by the "
                + "all-MiniLM-L6-v2 model inside the plugin. It measures topic and meaning overlap, not truth: "
                + "a fluent wrong answer on the same topic scores high. Use a judge or rules for correctness.";
    }

    @Override
    public ConfigSchema configSchema() {
        return ConfigSchema.of(ConfigField.optional("threshold", Type.NUMBER, null,
                "When set (0..1), label the score pass at or above it and fail below it."));
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
        String reference = input.referenceText()
                .orElseThrow(() -> new IllegalArgumentException("semantic_similarity needs a reference"));
        Double threshold = config.get("threshold").map(Double::parseDouble).orElse(null);
        if (threshold != null && (threshold < 0 || threshold > 1)) {
            throw new IllegalArgumentException("threshold must be between 0 and 1");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        double cosine;
        if (input.output().isBlank() || reference.isBlank()) {
            // blank text has no embedding (the tokenizer refuses it) and no meaning to share
            cosine = 0.0;
        } else {
            List<Embedding> embeddings = LocalEmbeddings.model()
                    .embedAll(List.of(TextSegment.from(input.output()), TextSegment.from(reference)))
                    .content();
            cosine = Cosine.similarity(embeddings.get(0).vector(), embeddings.get(1).vector());
            details.put("dimensions", embeddings.get(0).dimension());
        }
        double value = Math.max(0.0, Math.min(1.0, cosine));
        details.put("cosine", cosine);
        details.put("model", MODEL_NAME);
        String label = null;
        if (threshold != null) {
            label = value >= threshold ? "pass" : "fail";
            details.put("threshold", threshold);
        }
        String explanation = String.format(Locale.ROOT,
                "cosine similarity %.4f of %s embeddings (topic overlap, not correctness)", cosine, MODEL_NAME);
        return new Score(value, label, explanation, details);
    }
}
