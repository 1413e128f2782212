package dev.argus.api.evaluator;

import dev.argus.api.provider.LlmProvider;
import java.util.Map;
import java.util.Optional;

/**
 * What an evaluator scores.
 *
 * @param input      the prompt or question as text
 * @param output     the model's answer
 * @param reference  the expected answer, or {@code null}
 * @param expected   expected structured output, or empty
 * @param metadata   context from the call or dataset item
 * @param judge      a provider to use as judge, when the evaluator requires one
 * @param judgeModel the model to ask on {@code judge}, or {@code null}
 */
public record EvaluationInput(String input, String output, String reference, Map<String, Object> expected,
                              Map<String, Object> metadata, LlmProvider judge, String judgeModel) {

    /** Normalises absent maps and text. */
    public EvaluationInput {
        input = input == null ? "" : input;
        output = output == null ? "" : output;
        expected = expected == null ? Map.of() : Map.copyOf(expected);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** An input with an answer and a reference only. */
    public static EvaluationInput of(String output, String reference) {
        return new EvaluationInput("", output, reference, Map.of(), Map.of(), null, null);
    }

    /** The reference, if one was given. */
    public Optional<String> referenceText() {
        return Optional.ofNullable(reference);
    }
}
