package dev.argus.core.ingest;

import dev.argus.core.storage.jooq.Routines;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;

/**
 * Creates the daily partitions of {@code llm_calls} ahead of time (yesterday through
 * {@link #DAYS_AHEAD} days from now), once at start and then hourly. Each day is created in its own
 * short transaction under an advisory lock, so with several nodes only one does the work. Rows that
 * arrive for days without a partition land in the default partition and are moved when their
 * partition is created.
 */
public final class PartitionMaintenance implements AutoCloseable {

    /** Days of partitions kept ready beyond today. */
    public static final int DAYS_AHEAD = 7;
    private static final System.Logger LOG = System.getLogger(PartitionMaintenance.class.getName());
    private static final String LOCK = "argus-llm-calls-partitions";

    private final DSLContext dsl;
    private final Clock clock;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("argus-partitions").daemon(true).unstarted(r));

    public PartitionMaintenance(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** Runs once now, then every {@code period}. */
    public PartitionMaintenance start(Duration period) {
        runOnce();
        scheduler.scheduleWithFixedDelay(this::runSafely, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void runSafely() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Partition maintenance failed; will retry", e);
        }
    }

    /** Ensures the partitions exist; returns how many were created by this call. */
    public int runOnce() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        int created = 0;
        for (int d = -1; d <= DAYS_AHEAD; d++) {
            LocalDate day = today.plusDays(d);
            Boolean made = dsl.transactionResult(tx -> {
                Boolean locked = tx.dsl().select(Routines.argusTryXactLock(LOCK)).fetchOne().value1();
                if (!Boolean.TRUE.equals(locked)) {
                    return false;
                }
                return Routines.llmCallsEnsurePartition(tx, day);
            });
            if (Boolean.TRUE.equals(made)) {
                created++;
                LOG.log(System.Logger.Level.INFO, "Created partition of llm_calls for {0}", day);
            }
        }
        return created;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
