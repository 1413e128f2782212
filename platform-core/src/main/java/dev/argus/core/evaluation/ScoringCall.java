package dev.argus.core.evaluation;

import dev.argus.api.PluginConfig;
import dev.argus.api.evaluator.EvaluationContext;
import dev.argus.api.evaluator.EvaluationInput;
import dev.argus.api.evaluator.Evaluator;
import dev.argus.api.evaluator.Score;
import dev.argus.api.provider.LlmProvider;
import dev.argus.core.plugins.ExtensionBusyException;
import dev.argus.core.plugins.ExtensionSuspendedException;
import dev.argus.core.plugins.ExtensionTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One call of an evaluator as the job queue and the synchronous scoring API make it: the settings are
 * bound to the evaluator's schema, a judge is attached when the evaluator needs one, and the call goes
 * through the registry's guarded instance (bulkhead, the plugin host's timeout, fault counting) on its
 * own virtual thread, bounded again by the queue's timeout.
 */
public final class ScoringCall {

    /** Why a call produced no score. */
    public enum Failure {
        /** The input or the settings cannot be scored; trying again cannot help. */
        UNSCORABLE,
        /** The call took longer than its timeout. */
        TIMED_OUT,
        /** The evaluator is not active, suspended, or all its call slots are busy. */
        UNAVAILABLE,
        /** The evaluator failed in another way. */
        FAILED
    }

    /**
     * What one call produced: a score, or a failure with its message.
     *
     * @param score   the score, or {@code null}
     * @param failure why there is none, or {@code null}
     * @param error   the failure's message, or {@code null}
     */
    public record Outcome(Score score, Failure failure, String error) {

        static Outcome scored(Score score) {
            return new Outcome(score, null, null);
        }

        static Outcome failed(Failure failure, String error) {
            return new Outcome(null, failure, error);
        }

        /** Whether retrying cannot help. */
        public boolean permanent() {
            return failure == Failure.UNSCORABLE;
        }
    }

    private final Duration timeout;

    /** @param timeout how long one call may take */
    public ScoringCall(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * Scores one answer.
     *
     * @param evaluator the registry's (guarded) evaluator, or {@code null} when none is active
     * @param id        the evaluator id, for messages
     * @param settings  raw settings, validated here against the evaluator's schema
     * @param metadata  context handed to the evaluator (e.g. {@code call_id})
     * @param context   the host's services for this call (model calls in the caller's project)
     */
    public Outcome score(Evaluator evaluator, String id, Map<String, String> settings, String input, String output,
                         String reference, Map<String, Object> metadata, EvaluationContext context) {
        if (evaluator == null) {
            return Outcome.failed(Failure.UNAVAILABLE, "evaluator " + id + " is not active");
        }
        PluginConfig config;
        EvaluationInput evaluationInput;
        try {
            config = evaluator.configSchema().bind(settings);
            LlmProvider judge = null;
            String judgeModel = null;
            if (evaluator.requirements().contains(Evaluator.Requirement.JUDGE_PROVIDER)) {
                judgeModel = config.get("model").orElse(null);
                judge = JudgeProvider.of(context, config.get("provider").orElse(null), judgeModel);
            }
            evaluationInput = new EvaluationInput(input, output, reference, Map.of(), metadata, judge, judgeModel);
        } catch (IllegalArgumentException e) {
            return Outcome.failed(Failure.UNSCORABLE, "invalid config: " + e.getMessage());
        }
        FutureTask<Score> task = new FutureTask<>(() -> evaluator.evaluate(evaluationInput, config, context));
        Thread.ofVirtual().name("argus-evaluation-call-" + id).start(task);
        long timeoutMs = timeout.toMillis();
        try {
            return Outcome.scored(task.get(timeoutMs, TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            task.cancel(true);
            return Outcome.failed(Failure.TIMED_OUT, "timed out after " + timeoutMs + " ms");
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            return Outcome.failed(Failure.FAILED, "interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return switch (cause) {
                case ExtensionTimeoutException t -> Outcome.failed(Failure.TIMED_OUT, t.getMessage());
                case ExtensionBusyException b -> Outcome.failed(Failure.UNAVAILABLE, b.getMessage());
                case ExtensionSuspendedException s -> Outcome.failed(Failure.UNAVAILABLE,
                        "evaluator " + id + " is suspended: " + s.getMessage());
                case IllegalArgumentException i -> Outcome.failed(Failure.UNSCORABLE, i.getMessage());
                default -> Outcome.failed(Failure.FAILED, cause.getClass().getSimpleName() + ": " + cause.getMessage());
            };
        }
    }
}
