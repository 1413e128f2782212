package dev.argus.core.evaluation;

import dev.argus.api.provider.LlmProvider;
import dev.argus.core.llm.ResiliencePolicy;
import dev.argus.core.llm.ResilientLlm;
import dev.argus.core.plugins.PluginHost;
import java.util.UUID;
import java.util.function.BiFunction;
import org.jooq.DSLContext;

/**
 * The evaluation feature of one node: the job store, the queue's worker and the judges it hands to
 * evaluators that need one. Every node runs a worker; the queue keeps them from sharing a job.
 */
public final class EvaluationEngine implements AutoCloseable {

    private final EvaluationStore store;
    private final EvaluationTargets targets;
    private final QueueSettings settings;
    private final EvaluationWorker worker;
    private final ScoringCall scoring;

    private EvaluationEngine(EvaluationStore store, EvaluationTargets targets, QueueSettings settings,
                             EvaluationWorker worker, ScoringCall scoring) {
        this.store = store;
        this.targets = targets;
        this.settings = settings;
        this.worker = worker;
        this.scoring = scoring;
    }

    /** Starts a worker with the default queue settings and a unique node id. */
    public static EvaluationEngine start(DSLContext dsl, PluginHost plugins) {
        return start(dsl, plugins, QueueSettings.defaults("node-" + UUID.randomUUID()));
    }

    /** Starts a worker with the given queue settings. */
    public static EvaluationEngine start(DSLContext dsl, PluginHost plugins, QueueSettings settings) {
        ResilientLlm llm = ResilientLlm.create(id -> plugins.registry().provider(id), ResiliencePolicy.DEFAULT);
        BiFunction<String, String, LlmProvider> judges = (provider, model) -> {
            if (provider == null || model == null) {
                throw new IllegalArgumentException("a judge needs provider and model settings");
            }
            return new JudgeProvider(llm, provider, model);
        };
        EvaluationWorker worker = new EvaluationWorker(new JobQueue(dsl, settings), plugins::registry, judges).start();
        return new EvaluationEngine(new EvaluationStore(dsl), new EvaluationTargets(dsl), settings, worker,
                new ScoringCall(judges, settings.timeout()));
    }

    /** {@code /api/v1/evaluations}. */
    public EvaluationsService evaluationsService(PluginHost plugins) {
        return new EvaluationsService(plugins, store, targets, settings.maxAttempts(), worker::wake);
    }

    /** {@code /api/v1/evaluators}: scoring one answer at once, with the queue's guarded call and timeout. */
    public EvaluatorsService evaluatorsService(PluginHost plugins) {
        return new EvaluatorsService(plugins, scoring);
    }

    /** {@code /api/v1/calls/{id}/scores}. */
    public CallScoresService callScoresService() {
        return new CallScoresService(store);
    }

    /** Evaluations and scores. */
    public EvaluationStore store() {
        return store;
    }

    /** The queue's settings. */
    public QueueSettings settings() {
        return settings;
    }

    /** Looks for jobs now. */
    public void wake() {
        worker.wake();
    }

    @Override
    public void close() {
        worker.close();
    }
}
