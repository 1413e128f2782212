package dev.argus.core.evaluation;

import static dev.argus.core.storage.jooq.Tables.EVALUATION_JOBS;
import static dev.argus.core.storage.jooq.Tables.EVALUATION_SCORES;
import static dev.argus.core.storage.jooq.Tables.ORGANIZATIONS;
import static dev.argus.core.storage.jooq.Tables.PROJECTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argus.api.ExtensionKind;
import dev.argus.core.plugins.PluginHost;
import dev.argus.core.storage.Database;
import dev.argus.core.testing.TestDatabases;
import dev.argus.core.testing.TestPlugins;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job queue on a real database with a real evaluator plugin jar (compiled here, loaded from a
 * folder): two workers with their own connection pools and plugin hosts act as two nodes.
 */
class JobQueueTest {

    /** An evaluator whose behaviour the answer selects: fail, sleep, reject, or score the length. */
    static final String SCRIPTED = """
            package com.example.scripted;

            import dev.argus.api.ErrorCategory;
            import dev.argus.api.evaluator.EvaluationInput;
            import dev.argus.api.evaluator.Evaluator;
            import dev.argus.api.evaluator.Score;
            import dev.argus.api.provider.ProviderException;
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;
            import java.util.concurrent.atomic.AtomicInteger;

            @org.pf4j.Extension
            public class ScriptedEvaluator implements Evaluator {
                private static final Map<String, AtomicInteger> TRIES = new ConcurrentHashMap<>();

                public String id() { return "scripted"; }

                public Score evaluate(EvaluationInput input) {
                    String out = input.output();
                    int tries = TRIES.computeIfAbsent(out, k -> new AtomicInteger()).incrementAndGet();
                    if (out.startsWith("fail-always")) {
                        throw new ProviderException(ErrorCategory.SERVER_ERROR, "upstream judge down for " + out);
                    }
                    if (out.startsWith("fail-twice") && tries <= 2) {
                        throw new ProviderException(ErrorCategory.SERVER_ERROR, "transient failure " + tries);
                    }
                    if (out.startsWith("reject")) {
                        throw new IllegalArgumentException("cannot score " + out);
                    }
                    if (out.startsWith("sleep")) {
                        try { Thread.sleep(20_000); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
                    }
                    if (out.startsWith("work")) {
                        try { Thread.sleep(5); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
                    }
                    return Score.of(out.length());
                }
            }
            """;

    @TempDir
    Path dir;
    TestDatabases.TestDatabase db;
    final List<AutoCloseable> open = new ArrayList<>();
    UUID project;

    @BeforeEach
    void setUp() throws Exception {
        TestPlugins.compilePlugin(dir.resolve("jar").resolve("scripted.jar"), "scripted-plugin", ">=0.1.0",
                "com.example.scripted.ScriptedEvaluator", SCRIPTED);
        db = TestDatabases.create();
        Database database = database();
        database.migrate();
        DSLContext dsl = database.dsl();
        UUID org = dsl.insertInto(ORGANIZATIONS).set(ORGANIZATIONS.NAME, "org").returning(ORGANIZATIONS.ID).fetchOne().getId();
        project = dsl.insertInto(PROJECTS).set(PROJECTS.ORGANIZATION_ID, org).set(PROJECTS.NAME, "queue")
                .returning(PROJECTS.ID).fetchOne().getId();
    }

    @AfterEach
    void tearDown() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    Database database() {
        Database database = Database.connect(db.url(), db.user(), db.password(), 4);
        open.add(database);
        return database;
    }

    /** One node: its own pool, its own plugin host over its own copy of the folder, one worker. */
    record Node(Database database, PluginHost plugins, EvaluationWorker worker) {
        long evaluatorCalls() {
            return plugins.registry().find(ExtensionKind.EVALUATOR, "scripted").orElseThrow().health().calls();
        }
    }

    Node node(String name, QueueSettings settings) throws Exception {
        Path folder = dir.resolve(name);
        java.nio.file.Files.createDirectories(folder);
        java.nio.file.Files.copy(dir.resolve("jar").resolve("scripted.jar"), folder.resolve("scripted.jar"));
        PluginHost plugins = new PluginHost(folder, Map.of(), Clock.systemUTC());
        plugins.start();
        open.add(plugins);
        Database database = database();
        EvaluationWorker worker = new EvaluationWorker(new JobQueue(database.dsl(), settings), plugins::registry,
                EvaluationContexts.NONE);
        open.add(worker);
        return new Node(database, plugins, worker);
    }

    static QueueSettings settings(String node) {
        return new QueueSettings(node, 4, Duration.ofMillis(20), Duration.ofSeconds(30), 3, Duration.ofMillis(30),
                Duration.ofMillis(200));
    }

    UUID enqueue(DSLContext dsl, List<String> outputs) {
        List<JobItem> items = outputs.stream().map(o -> new JobItem(null, null, "in", o, null)).toList();
        return new EvaluationStore(dsl).create(project, "scripted", "{}", "items", null, items, 3);
    }

    EvaluationStore.Progress awaitFinished(DSLContext dsl, UUID evaluation) throws InterruptedException {
        EvaluationStore store = new EvaluationStore(dsl);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            EvaluationStore.Progress progress = store.find(project, evaluation).orElseThrow().progress();
            if (progress.done() + progress.dead() == progress.total()) {
                return progress;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("evaluation did not finish");
    }

    @Test
    void twoWorkersOnOneDatabaseRunEveryJobExactlyOnce() throws Exception {
        Node a = node("a", settings("node-a"));
        Node b = node("b", settings("node-b"));
        int jobs = 300;
        List<String> outputs = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            outputs.add("work " + i);
        }
        UUID evaluation = enqueue(a.database().dsl(), outputs);
        a.worker().start();
        b.worker().start();
        EvaluationStore.Progress progress = awaitFinished(a.database().dsl(), evaluation);
        assertEquals(jobs, progress.done());
        DSLContext dsl = a.database().dsl();
        assertEquals(jobs, dsl.fetchCount(EVALUATION_SCORES, EVALUATION_SCORES.EVALUATION_ID.eq(evaluation)));
        assertEquals(jobs, dsl.fetchCount(EVALUATION_JOBS, EVALUATION_JOBS.EVALUATION_ID.eq(evaluation)
                .and(EVALUATION_JOBS.ATTEMPTS.eq(1))), "no job was claimed twice");
        // the evaluator itself was invoked once per job across both nodes
        assertEquals(jobs, a.evaluatorCalls() + b.evaluatorCalls());
        Map<String, Integer> byNode = dsl.select(EVALUATION_JOBS.LOCKED_BY).from(EVALUATION_JOBS)
                .where(EVALUATION_JOBS.EVALUATION_ID.eq(evaluation)).fetch(EVALUATION_JOBS.LOCKED_BY).stream()
                .collect(Collectors.toMap(n -> n, n -> 1, Integer::sum));
        assertEquals(jobs, byNode.getOrDefault("node-a", 0) + byNode.getOrDefault("node-b", 0));
        assertTrue(byNode.getOrDefault("node-a", 0) > 0 && byNode.getOrDefault("node-b", 0) > 0,
                "both nodes worked: " + byNode);
        // scores are the evaluator's
        assertEquals(outputs.stream().mapToInt(String::length).sum(),
                dsl.select(org.jooq.impl.DSL.sum(EVALUATION_SCORES.VALUE)).from(EVALUATION_SCORES)
                        .where(EVALUATION_SCORES.EVALUATION_ID.eq(evaluation)).fetchOne().value1().intValue());
    }

    @Test
    void failuresAreRetriedWithBackoffAndDeadLetteredWithTheError() throws Exception {
        Node a = node("a", settings("node-a"));
        UUID evaluation = enqueue(a.database().dsl(), List.of("fail-always x", "fail-twice y", "reject z", "ok"));
        a.worker().start();
        EvaluationStore.Progress progress = awaitFinished(a.database().dsl(), evaluation);
        assertEquals(2, progress.done());
        assertEquals(2, progress.dead());
        assertEquals("completed_with_errors", progress.status());
        List<EvaluationStore.ItemRow> items = new EvaluationStore(a.database().dsl()).items(project, evaluation);
        assertEquals("dead", items.get(0).status());
        assertEquals(3, items.get(0).attempts(), "dead-lettered after max attempts");
        assertTrue(items.get(0).error().contains("upstream judge down for fail-always x"), items.get(0).error());
        assertEquals("done", items.get(1).status());
        assertEquals(3, items.get(1).attempts(), "two failures, then the third attempt scored");
        assertEquals("fail-twice y".length(), items.get(1).value());
        assertEquals("dead", items.get(2).status());
        assertEquals(1, items.get(2).attempts(), "an input that cannot be scored is not retried");
        assertTrue(items.get(2).error().contains("cannot score reject z"), items.get(2).error());
        assertEquals("done", items.get(3).status());
        assertEquals(1, items.get(3).attempts());
    }

    @Test
    void anEvaluationOverItsTimeoutFailsTheAttemptAndIsDeadLettered() throws Exception {
        Node a = node("a", settings("node-a").withTimeout(Duration.ofMillis(300)).withRetries(2, Duration.ofMillis(10),
                Duration.ofMillis(10)));
        List<JobItem> items = List.of(new JobItem(null, null, "in", "sleep long", null),
                new JobItem(null, null, "in", "quick", null));
        UUID evaluation = new EvaluationStore(a.database().dsl()).create(project, "scripted", "{}", "items", null, items, 2);
        a.worker().start();
        EvaluationStore.Progress progress = awaitFinished(a.database().dsl(), evaluation);
        assertEquals(1, progress.done());
        assertEquals(1, progress.dead());
        EvaluationStore.ItemRow slow = new EvaluationStore(a.database().dsl()).items(project, evaluation).get(0);
        assertEquals(2, slow.attempts());
        assertEquals("timed out after 300 ms", slow.error());
    }

    @Test
    void backoffDoublesFromTheBaseUpToTheCap() {
        QueueSettings s = settings("n").withRetries(5, Duration.ofSeconds(2), Duration.ofSeconds(10));
        assertEquals(Duration.ofSeconds(2), s.backoff(1));
        assertEquals(Duration.ofSeconds(4), s.backoff(2));
        assertEquals(Duration.ofSeconds(8), s.backoff(3));
        assertEquals(Duration.ofSeconds(10), s.backoff(4));
        assertEquals(Duration.ofSeconds(10), s.backoff(40));
    }
}
