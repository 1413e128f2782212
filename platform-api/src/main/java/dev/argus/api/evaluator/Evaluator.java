package dev.argus.api.evaluator;

import dev.argus.api.ArgusExtension;
import dev.argus.api.PluginConfig;
import java.util.Set;

/**
 * Scores one model answer. The host runs evaluators from its job queue on virtual threads with a
 * timeout, so {@link #evaluate} may block (e.g. on a judge model) but must be thread-safe.
 */
public interface Evaluator extends ArgusExtension {

    /** What an evaluator needs besides the input and output. */
    enum Requirement {
        /** A reference (expected) answer text. */
        REFERENCE,
        /** Expected structured output. */
        EXPECTED_JSON,
        /**
         * A provider to act as judge: the host reads the evaluator's {@code provider} and {@code model}
         * settings and passes that model as {@link EvaluationInput#judge()}, calling it the way
         * {@link EvaluationContext#llm()} does.
         */
        JUDGE_PROVIDER
    }

    /** What this evaluator needs in its {@link EvaluationInput}; the host refuses jobs that lack it. */
    default Set<Requirement> requirements() {
        return Set.of();
    }

    /**
     * Scores one answer.
     *
     * @throws IllegalArgumentException when the input cannot be scored (e.g. missing reference)
     */
    Score evaluate(EvaluationInput input);

    /**
     * Scores one answer with settings chosen for this call only (e.g. the {@code config} of a scoring
     * request or of an evaluation job), already validated against {@link #configSchema()} with its
     * defaults applied; they take the place of the settings given to {@link #init}. Evaluators that
     * have settings override this; the default ignores {@code config} and calls {@link #evaluate(EvaluationInput)}.
     *
     * @throws IllegalArgumentException when the input cannot be scored (e.g. missing reference)
     */
    default Score evaluate(EvaluationInput input, PluginConfig config) {
        return evaluate(input);
    }

    /**
     * Scores one answer with per-call settings and the host services of this call. The host calls
     * this method; evaluators that use a service (e.g. {@link EvaluationContext#llm()} to ask a judge
     * model) override it, and the default ignores {@code context} and calls
     * {@link #evaluate(EvaluationInput, PluginConfig)}.
     *
     * @param context the services for this call; {@link EvaluationContext#NONE} when there are none
     * @throws IllegalArgumentException when the input cannot be scored (e.g. missing reference)
     * @since 0.1.0
     */
    default Score evaluate(EvaluationInput input, PluginConfig config, EvaluationContext context) {
        return evaluate(input, config);
    }
}
