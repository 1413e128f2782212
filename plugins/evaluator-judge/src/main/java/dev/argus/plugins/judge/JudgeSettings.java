package dev.argus.plugins.judge;

import dev.argus.api.PluginConfig;
import dev.argus.api.evaluator.EvaluationInput;
import dev.argus.api.provider.ChatMessage;
import dev.argus.api.provider.ChatRequest;
import java.util.List;
import java.util.Map;

/**
 * One evaluation's judge settings, checked, and the request they make for an answer.
 *
 * @param provider    the judge's provider extension id
 * @param model       the judge model
 * @param rubric      the instructions, with placeholders
 * @param scale       the grades the judge gives
 * @param labels      the labels the judge chooses from, or {@link Labels#FREE}
 * @param temperature sampling temperature of the judge
 * @param maxTokens   output token limit, or {@code null} for the provider's default
 */
record JudgeSettings(String provider, String model, Rubric rubric, Scale scale, Labels labels, double temperature,
                     Integer maxTokens) {

    static final int MAX_LABELS = 20;

    static final String SYSTEM = "You are an impartial evaluator of AI assistants' answers. Follow the rubric, "
            + "judge only what it asks, and reply with a single JSON object and nothing else.";

    /**
     * Reads validated settings.
     *
     * @throws IllegalArgumentException naming the setting when one is missing or out of range
     */
    static JudgeSettings from(PluginConfig config) {
        String provider = config.get("provider").filter(p -> !p.isBlank())
                .orElseThrow(() -> new IllegalArgumentException("provider is required: the judge's provider id, "
                        + "e.g. openai"));
        String model = config.get("model").filter(m -> !m.isBlank())
                .orElseThrow(() -> new IllegalArgumentException("model is required: the judge model, e.g. gpt-4o-mini"));
        double temperature = config.getDouble("temperature", 0);
        if (!(temperature >= 0 && temperature <= 2)) {
            throw new IllegalArgumentException("temperature must be between 0 and 2");
        }
        Integer maxTokens = config.get("max_tokens").map(v -> Integer.parseInt(v.trim())).orElse(null);
        if (maxTokens != null && maxTokens < 1) {
            throw new IllegalArgumentException("max_tokens must be at least 1");
        }
        Labels labels = Labels.parse(config.getString("labels", null));
        if (labels.allowed().size() > MAX_LABELS) {
            throw new IllegalArgumentException("labels: at most " + MAX_LABELS + " labels");
        }
        return new JudgeSettings(provider, model, new Rubric(config.getString("rubric", Rubric.DEFAULT)),
                Scale.parse(config.getString("scale", "1-5")), labels, temperature, maxTokens);
    }

    /** The chat request asking the judge about one answer: the rendered rubric, then the answer format. */
    ChatRequest request(EvaluationInput input) {
        String user = rubric.render(input.input(), input.output(), input.reference()) + "\n\n" + format();
        return new ChatRequest(model, List.of(ChatMessage.system(SYSTEM), ChatMessage.user(user)), temperature,
                maxTokens, Map.of(), null);
    }

    /** How to answer, appended to every rubric so custom rubrics need not describe it. */
    String format() {
        String range = scale.min() + " to " + scale.max();
        String grade = scale.max() - scale.min() <= 1 ? "a number from " + range : "a whole number from " + range;
        StringBuilder text = new StringBuilder("Grade the answer with " + grade + ", where " + scale.min()
                + " is the worst and " + scale.max() + " the best.");
        String label;
        if (labels.fixed()) {
            String choices = String.join(", ", labels.allowed());
            text.append(" Choose the label that fits best, exactly one of: ").append(choices).append('.');
            label = "<one of: " + choices + ">";
        } else {
            label = "<one or two words summing up the verdict>";
        }
        text.append("\nReply with only this JSON object:\n{\"score\": <").append(grade).append(">, \"label\": \"")
                .append(label).append("\", \"explanation\": \"<one or two sentences on why>\"}");
        return text.toString();
    }
}
