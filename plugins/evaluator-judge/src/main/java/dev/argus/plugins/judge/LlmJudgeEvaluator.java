package dev.argus.plugins.judge;

import dev.argus.api.ConfigField;
import dev.argus.api.ConfigField.Type;
import dev.argus.api.ConfigSchema;
import dev.argus.api.PluginConfig;
import dev.argus.api.PluginContext;
import dev.argus.api.evaluator.EvaluationContext;
import dev.argus.api.evaluator.EvaluationInput;
import dev.argus.api.evaluator.Evaluator;
import dev.argus.api.evaluator.Score;
import dev.argus.api.provider.ChatRequest;
import dev.argus.api.provider.ChatResponse;
import dev.argus.api.provider.ChatResult;
import dev.argus.api.provider.LlmClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pf4j.Extension;

/**
 * {@code llm_judge}: asks a model to grade each answer against a rubric and to reply with a JSON
 * verdict {@code {"score", "label", "explanation"}}; the grade, on the configured scale, is mapped onto
 * 0..1. The model is called through the host ({@link EvaluationContext#llm()}), which uses the
 * evaluation's project's provider settings, retries, and logs each call tagged {@code argus-judge}, so
 * judging shows up in the project's costs. An answer without a readable verdict fails the item with
 * {@link UnusableAnswerException}, which the evaluation queue retries.
 */
@Extension
public final class LlmJudgeEvaluator implements Evaluator {

    private volatile PluginConfig defaults = PluginConfig.EMPTY;

    @Override
    public String id() {
        return "llm_judge";
    }

    @Override
    public String displayName() {
        return "LLM as judge";
    }

    @Override
    public String description() {
        return "A model grades each answer against a rubric (with the input, the answer and the reference) and "
                + "replies with a score, a label and an explanation; the score is mapped from the scale onto 0..1. "
                + "Judge calls use the project's provider settings and are logged as calls tagged argus-judge.";
    }

    @Override
    public ConfigSchema configSchema() {
        return ConfigSchema.of(
                ConfigField.required("provider", Type.STRING,
                        "The judge's provider id, e.g. openai, anthropic, ollama or mock; a project's "
                                + "provider.<id>.<field> secrets configure it for that project."),
                ConfigField.required("model", Type.STRING, "The judge model, e.g. gpt-4o-mini."),
                ConfigField.optional("rubric", Type.STRING, Rubric.DEFAULT,
                        "What the judge is asked; {{input}}, {{output}} and {{reference}} are replaced by the item's "
                                + "texts. The answer format (JSON with score, label and explanation) is appended."),
                new ConfigField("scale", Type.ENUM, false, false, "1-5",
                        "The grades the judge gives; the lowest maps to 0 and the highest to 1.", Scale.NAMES),
                ConfigField.optional("labels", Type.STRING, null,
                        "Comma-separated labels the judge must choose one of, e.g. correct,partially_correct,"
                                + "incorrect; without them the judge labels freely."),
                ConfigField.optional("temperature", Type.NUMBER, "0", "Sampling temperature of the judge (0 to 2)."),
                ConfigField.optional("max_tokens", Type.INTEGER, null,
                        "Output token limit of the judge's reply; the provider's default when not set."));
    }

    @Override
    public Set<Requirement> requirements() {
        return Set.of(Requirement.JUDGE_PROVIDER);
    }

    @Override
    public void init(PluginContext context) {
        defaults = context.config();
    }

    @Override
    public Score evaluate(EvaluationInput input) {
        return evaluate(input, defaults, EvaluationContext.NONE);
    }

    @Override
    public Score evaluate(EvaluationInput input, PluginConfig config) {
        return evaluate(input, config, EvaluationContext.NONE);
    }

    @Override
    public Score evaluate(EvaluationInput input, PluginConfig config, EvaluationContext context) {
        JudgeSettings settings = JudgeSettings.from(config);
        Labels labels = settings.labels();
        ChatRequest request = settings.request(input);
        Reply reply = ask(settings, request, input, context);
        Verdict verdict = Verdict.read(reply.response().content());
        String label = verdict.label();
        if (labels.fixed()) {
            label = labels.match(verdict.label()).orElseThrow(() -> new UnusableAnswerException(
                    verdict.label() == null ? "no label; expected one of " + labels.allowed()
                            : "label '" + verdict.label() + "' is not one of " + labels.allowed(),
                    reply.response().content()));
        }
        Scale scale = settings.scale();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("raw_score", verdict.rawScore());
        details.put("scale", scale.name());
        details.put("clamped", !scale.contains(verdict.rawScore()));
        putIfPresent(details, "label", label);
        putIfPresent(details, "explanation", verdict.explanation());
        details.put("provider", settings.provider());
        String model = reply.response().model();
        details.put("model", model == null || model.isBlank() ? settings.model() : model);
        putIfPresent(details, "judge_call_id", reply.callId());
        putIfPresent(details, "judge_cost_usd", reply.costUsd());
        return new Score(scale.normalise(verdict.rawScore()), label, verdict.explanation(), details);
    }

    /** The judge's answer and, when the host logged it, the call that carries it and its cost. */
    private record Reply(ChatResponse response, String callId, Double costUsd) {
    }

    /**
     * Asks through the host's client; hosts that hand a judge in the input instead (the
     * {@link Requirement#JUDGE_PROVIDER} contract) are asked through that, without a call id.
     */
    private Reply ask(JudgeSettings settings, ChatRequest request, EvaluationInput input, EvaluationContext context) {
        Optional<LlmClient> client = context.llm();
        if (client.isPresent()) {
            ChatResult result = client.get().chat(settings.provider(), request, Set.of());
            return new Reply(result.response(), result.callId() == null ? null : result.callId().toString(),
                    result.costUsd() == null ? null : result.costUsd().doubleValue());
        }
        if (input.judge() != null) {
            return new Reply(input.judge().complete(request), null, null);
        }
        throw new IllegalArgumentException("llm_judge needs a judge model: run it in Argus (an evaluation or a scoring "
                + "request with provider and model settings), or pass a judge in the input");
    }

    private static void putIfPresent(Map<String, Object> details, String key, Object value) {
        if (value != null) {
            details.put(key, value);
        }
    }
}
