package dev.argus.api.evaluator;

import dev.argus.api.provider.LlmClient;
import java.util.Optional;

/**
 * What the host offers one evaluator call besides its input and settings. It is made per call and
 * bound to whatever the call is made for (e.g. the evaluation's project), so an evaluator never names
 * a project itself and cannot reach another project's providers. New services are added as methods
 * with a default, so evaluators compiled against an older SPI keep working.
 *
 * @since 0.1.0
 */
public interface EvaluationContext {

    /** A context that offers nothing: for callers outside the host, e.g. unit tests. */
    EvaluationContext NONE = new EvaluationContext() {
    };

    /**
     * A client that runs chat completions for this call: provider settings of the evaluation's
     * project, the host's retries, and every attempt logged as a call in that project tagged
     * {@code argus-judge}. Empty when the host offers none for this call.
     */
    default Optional<LlmClient> llm() {
        return Optional.empty();
    }
}
