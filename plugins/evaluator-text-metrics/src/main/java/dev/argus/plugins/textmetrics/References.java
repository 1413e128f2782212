package dev.argus.plugins.textmetrics;

import dev.argus.api.evaluator.EvaluationInput;
import java.util.ArrayList;
import java.util.List;

/**
 * The references of an input: its {@code reference} text, followed by any strings listed under
 * {@code expected.references} (several acceptable answers).
 */
public final class References {

    /** The key in {@link EvaluationInput#expected()} that holds further references. */
    public static final String EXPECTED_KEY = "references";

    private References() {
    }

    /**
     * All references, in order.
     *
     * @throws IllegalArgumentException when there is none, or {@code expected.references} is not a list of strings
     */
    public static List<String> of(EvaluationInput input, String evaluatorId) {
        List<String> references = new ArrayList<>();
        input.referenceText().ifPresent(references::add);
        Object more = input.expected().get(EXPECTED_KEY);
        if (more != null) {
            if (!(more instanceof List<?> list) || list.stream().anyMatch(r -> !(r instanceof String))) {
                throw new IllegalArgumentException("expected.references must be a list of strings");
            }
            list.forEach(r -> references.add((String) r));
        }
        if (references.isEmpty()) {
            throw new IllegalArgumentException(evaluatorId + " needs a reference");
        }
        return references;
    }
}
