package dev.argus.core.evaluation;

import dev.argus.api.evaluator.EvaluationContext;
import dev.argus.api.provider.LlmClient;
import dev.argus.core.llm.ProjectLlm;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Makes the {@link EvaluationContext} of each evaluator call. The project is bound here, by the host,
 * from the job being scored: a per-call context passed to
 * {@link dev.argus.api.evaluator.Evaluator#evaluate(dev.argus.api.evaluator.EvaluationInput,
 * dev.argus.api.PluginConfig, EvaluationContext)} is the least invasive way to get it to the judge's
 * calls. The alternatives were worse: {@code PluginContext} is made once per extension and shared by
 * every project; a thread-local would not follow the call onto the virtual threads the plugin guard
 * and {@code ResilientLlm} run it on; and a project id handed to the plugin would let it choose
 * another project's provider keys.
 */
@FunctionalInterface
public interface EvaluationContexts {

    /** The tag of every call made through an evaluation's context, so the cost of judging can be told apart. */
    String JUDGE_TAG = "argus-judge";

    /** Contexts that offer no services. */
    EvaluationContexts NONE = (projectId, labels) -> EvaluationContext.NONE;

    /**
     * The context of one call.
     *
     * @param projectId the project whose evaluation makes the call
     * @param labels    metadata the calls made through the context carry (which evaluation, which scored call)
     */
    EvaluationContext of(UUID projectId, Map<String, Object> labels);

    /** Contexts whose {@link EvaluationContext#llm()} calls models through {@code llm}, tagged {@link #JUDGE_TAG}. */
    static EvaluationContexts judging(ProjectLlm llm) {
        return (projectId, labels) -> {
            LlmClient client = llm.client(projectId, List.of(JUDGE_TAG), labels);
            return new EvaluationContext() {
                @Override
                public Optional<LlmClient> llm() {
                    return Optional.of(client);
                }
            };
        };
    }
}
