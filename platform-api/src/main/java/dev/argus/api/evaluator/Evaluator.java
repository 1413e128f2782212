package dev.argus.api.evaluator;

import dev.argus.api.ArgusExtension;
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
        /** A provider to act as judge. */
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
}
