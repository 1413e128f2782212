package dev.argus.core.evaluation;

import dev.argus.api.evaluator.EvaluationContext;
import dev.argus.core.plugins.ExtensionRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Runs evaluation jobs: claims due jobs from the {@link JobQueue} as call slots free up and scores
 * each on its own virtual thread, bounded by the queue's timeout. A failed attempt is retried with
 * exponential backoff; the job is dead-lettered with its error after the last attempt, or at once when
 * the evaluator says the input cannot be scored ({@link IllegalArgumentException}).
 */
public final class EvaluationWorker implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(EvaluationWorker.class.getName());

    private final JobQueue queue;
    private final Supplier<ExtensionRegistry> registry;
    private final EvaluationContexts contexts;
    private final ScoringCall scoring;
    private final Semaphore slots;
    private final Object wakeup = new Object();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread loop;

    /**
     * @param registry the current extensions (evaluators are looked up per job, so reloads apply)
     * @param contexts the host services of each evaluator call (model calls for the job's project)
     */
    public EvaluationWorker(JobQueue queue, Supplier<ExtensionRegistry> registry, EvaluationContexts contexts) {
        this.queue = queue;
        this.registry = registry;
        this.contexts = contexts;
        this.scoring = new ScoringCall(queue.settings().timeout());
        this.slots = new Semaphore(queue.settings().concurrency());
        this.loop = Thread.ofVirtual().name("argus-evaluation-worker-" + queue.settings().nodeId()).unstarted(this::run);
    }

    /** Starts claiming jobs. */
    public EvaluationWorker start() {
        loop.start();
        return this;
    }

    /** Looks for jobs now instead of at the next poll (e.g. right after an enqueue on this node). */
    public void wake() {
        synchronized (wakeup) {
            wakeup.notifyAll();
        }
    }

    private void run() {
        while (running.get()) {
            try {
                slots.acquire();
                int free = 1 + slots.drainPermits();
                List<ClaimedJob> jobs;
                try {
                    jobs = queue.claim(free);
                } catch (RuntimeException e) {
                    slots.release(free);
                    if (running.get()) {
                        LOG.log(System.Logger.Level.WARNING, "Claiming evaluation jobs failed: " + e.getMessage());
                    }
                    idle();
                    continue;
                }
                slots.release(free - jobs.size());
                for (ClaimedJob job : jobs) {
                    Thread.ofVirtual().name("argus-evaluation-job-" + job.id()).start(() -> {
                        try {
                            process(job);
                        } finally {
                            slots.release();
                        }
                    });
                }
                if (jobs.isEmpty()) {
                    idle();
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void idle() throws InterruptedException {
        synchronized (wakeup) {
            wakeup.wait(queue.settings().pollInterval().toMillis());
        }
    }

    private void process(ClaimedJob job) {
        ScoringCall.Outcome outcome = score(job);
        try {
            if (outcome.score() != null) {
                queue.complete(job, outcome.score());
            } else {
                String status = queue.fail(job, outcome.error(), outcome.permanent());
                if ("dead".equals(status)) {
                    LOG.log(System.Logger.Level.WARNING, "Evaluation job {0} dead-lettered after {1} attempt(s): {2}",
                            job.id(), job.attempt(), outcome.error());
                }
            }
        } catch (RuntimeException e) {
            // the lease runs out and another attempt is made
            LOG.log(System.Logger.Level.WARNING, "Recording evaluation job " + job.id() + " failed: " + e.getMessage());
        }
    }

    private ScoringCall.Outcome score(ClaimedJob job) {
        Map<String, Object> metadata = job.callId() != null ? Map.of("call_id", job.callId().toString()) : Map.of();
        Map<String, String> settings;
        try {
            settings = EvaluationConfig.parse(job.configJson());
        } catch (IllegalArgumentException e) {
            return new ScoringCall.Outcome(null, ScoringCall.Failure.UNSCORABLE, e.getMessage());
        }
        EvaluationContext context = contexts.of(job.projectId(), labels(job));
        return scoring.score(registry.get().evaluator(job.evaluator()).orElse(null), job.evaluator(), settings,
                job.input(), job.output(), job.reference(), metadata, context);
    }

    /** What the model calls an evaluator makes for this job are logged with: the evaluation and the scored call. */
    private static Map<String, Object> labels(ClaimedJob job) {
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put("argus_evaluation_id", job.evaluationId().toString());
        labels.put("argus_evaluator", job.evaluator());
        if (job.callId() != null) {
            labels.put("argus_scored_call_id", job.callId().toString());
        }
        return labels;
    }

    /** Stops claiming; jobs in flight finish or, if cut short, are reclaimed after their lease. */
    @Override
    public void close() {
        running.set(false);
        wake();
        try {
            // interrupting a claim would break its pooled connection, so the loop is asked to stop first
            if (!loop.join(Duration.ofSeconds(5))) {
                loop.interrupt();
            }
            int all = queue.settings().concurrency();
            if (slots.tryAcquire(all, 10, TimeUnit.SECONDS)) {
                slots.release(all);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
