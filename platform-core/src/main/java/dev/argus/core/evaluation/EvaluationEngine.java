package dev.argus.core.evaluation;

import dev.argus.core.ingest.IngestPipeline;
import dev.argus.core.llm.ProjectLlm;
import dev.argus.core.llm.ResiliencePolicy;
import dev.argus.core.plugins.PluginHost;
import dev.argus.core.secrets.SecretStore;
import java.time.Duration;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * The evaluation feature of one node: the job store, the queue's worker and the model calls it lets
 * evaluators make (judges), which run with the evaluation's project's provider settings and are logged
 * in that project tagged {@value EvaluationContexts#JUDGE_TAG}. Every node runs a worker; the queue
 * keeps them from sharing a job.
 */
public final class EvaluationEngine implements AutoCloseable {

    private final EvaluationStore store;
    private final EvaluationTargets targets;
    private final QueueSettings settings;
    private final EvaluationWorker worker;
    private final ScoringCall scoring;
    private final EvaluationContexts contexts;

    private EvaluationEngine(EvaluationStore store, EvaluationTargets targets, QueueSettings settings,
                             EvaluationWorker worker, ScoringCall scoring, EvaluationContexts contexts) {
        this.store = store;
        this.targets = targets;
        this.settings = settings;
        this.worker = worker;
        this.scoring = scoring;
        this.contexts = contexts;
    }

    /**
     * Starts a worker with the default queue settings and a unique node id.
     *
     * @param secrets  where projects keep their provider settings
     * @param pipeline where judge calls are logged
     */
    public static EvaluationEngine start(DSLContext dsl, PluginHost plugins, SecretStore secrets,
                                         IngestPipeline pipeline) {
        return start(dsl, plugins, secrets, pipeline, QueueSettings.defaults("node-" + UUID.randomUUID()));
    }

    /** Starts a worker with the given queue settings. */
    public static EvaluationEngine start(DSLContext dsl, PluginHost plugins, SecretStore secrets,
                                         IngestPipeline pipeline, QueueSettings settings) {
        ProjectLlm judges = new ProjectLlm(plugins, secrets, pipeline, dsl, judgePolicy(settings.timeout()));
        EvaluationContexts contexts = EvaluationContexts.judging(judges);
        EvaluationWorker worker = new EvaluationWorker(new JobQueue(dsl, settings), plugins::registry, contexts).start();
        return new EvaluationEngine(new EvaluationStore(dsl), new EvaluationTargets(dsl), settings, worker,
                new ScoringCall(settings.timeout()), contexts);
    }

    /**
     * The default policy with its budget cut to three quarters of a job's timeout: a judge call ends, and
     * its attempts are logged, before the worker gives up on the job (an interrupted call could not log them).
     */
    static ResiliencePolicy judgePolicy(Duration jobTimeout) {
        ResiliencePolicy policy = ResiliencePolicy.DEFAULT;
        Duration total = min(policy.totalBudget(), jobTimeout.multipliedBy(3).dividedBy(4));
        return policy.withTimeouts(min(policy.attemptTimeout(), total), total);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** {@code /api/v1/evaluations}. */
    public EvaluationsService evaluationsService(PluginHost plugins) {
        return new EvaluationsService(plugins, store, targets, settings.maxAttempts(), worker::wake);
    }

    /** {@code /api/v1/evaluators}: scoring one answer at once, with the queue's guarded call and timeout. */
    public EvaluatorsService evaluatorsService(PluginHost plugins) {
        return new EvaluatorsService(plugins, scoring, contexts);
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
