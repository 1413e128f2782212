package dev.argus.core.prompts;

import static dev.argus.core.storage.jooq.Tables.PROMPTS;
import static dev.argus.core.storage.jooq.Tables.PROMPT_EXPERIMENTS;
import static dev.argus.core.storage.jooq.Tables.PROMPT_EXPERIMENT_VARIANTS;
import static dev.argus.core.storage.jooq.Tables.PROMPT_LABELS;
import static dev.argus.core.storage.jooq.Tables.PROMPT_LABEL_MOVES;
import static dev.argus.core.storage.jooq.Tables.PROMPT_VERSIONS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.argus.core.server.ApiException;
import dev.argus.core.server.Json;
import dev.argus.core.storage.jooq.tables.records.PromptExperimentsRecord;
import dev.argus.core.storage.jooq.tables.records.PromptVersionsRecord;
import io.helidon.http.Status;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Prompts, versions, labels and experiments in PostgreSQL. Every method takes the caller's project
 * and filters by it, so another project's prompt is simply not found.
 */
public final class PromptStore {

    private static final TypeReference<List<ChatMessage>> MESSAGES = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final DSLContext dsl;

    public PromptStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * A prompt in the list.
     *
     * @param name          name
     * @param latestVersion newest version number
     * @param labels        label → version
     * @param createdAt     created
     * @param updatedAt     last new version or label move
     */
    public record PromptSummary(String name, int latestVersion, Map<String, Integer> labels, Instant createdAt,
                                Instant updatedAt) {
    }

    /**
     * A label and the version it points at.
     *
     * @param label     label
     * @param version   version
     * @param updatedAt when it last moved
     */
    public record Label(String label, int version, Instant updatedAt) {
    }

    /**
     * One move of a label.
     *
     * @param label       label
     * @param fromVersion where it pointed before, or {@code null} when it was new
     * @param toVersion   where it points now
     * @param movedBy     who moved it
     * @param movedAt     when
     */
    public record LabelMove(String label, Integer fromVersion, int toVersion, PromptVersion.Author movedBy,
                            Instant movedAt) {
    }

    /** Creates the prompt if needed and appends a version; moves {@code labels} to it atomically. */
    public PromptVersion createVersion(UUID projectId, String name, NewVersion v, PromptVersion.Author author) {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            db.insertInto(PROMPTS).set(PROMPTS.PROJECT_ID, projectId).set(PROMPTS.NAME, name)
                    .onConflict(PROMPTS.PROJECT_ID, PROMPTS.NAME).doNothing().execute();
            UUID promptId = lockPrompt(db, projectId, name);
            Integer latest = db.select(DSL.max(PROMPT_VERSIONS.VERSION)).from(PROMPT_VERSIONS)
                    .where(PROMPT_VERSIONS.PROJECT_ID.eq(projectId), PROMPT_VERSIONS.PROMPT_ID.eq(promptId))
                    .fetchOne(0, Integer.class);
            int version = latest == null ? 1 : latest + 1;
            db.insertInto(PROMPT_VERSIONS)
                    .set(PROMPT_VERSIONS.PROJECT_ID, projectId)
                    .set(PROMPT_VERSIONS.PROMPT_ID, promptId)
                    .set(PROMPT_VERSIONS.VERSION, version)
                    .set(PROMPT_VERSIONS.TEMPLATE, v.template())
                    .set(PROMPT_VERSIONS.MESSAGES, v.messages() == null ? null : jsonb(v.messages()))
                    .set(PROMPT_VERSIONS.MODEL, v.model())
                    .set(PROMPT_VERSIONS.PARAMETERS, jsonb(v.parameters() == null ? Map.of() : v.parameters()))
                    .set(PROMPT_VERSIONS.COMMIT_MESSAGE, v.commitMessage())
                    .set(PROMPT_VERSIONS.AUTHOR_USER_ID, author.userId())
                    .set(PROMPT_VERSIONS.AUTHOR_KEY_ID, author.apiKeyId())
                    .execute();
            touch(db, projectId, promptId);
            if (v.labels() != null) {
                for (String label : v.labels()) {
                    move(db, projectId, promptId, name, label, version, author);
                }
            }
            return read(db, projectId, promptId, name, version).orElseThrow();
        });
    }

    /** Points {@code label} at {@code version} (creating, promoting or rolling back) and records the move. */
    public LabelMove moveLabel(UUID projectId, String name, String label, int version, PromptVersion.Author author) {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            UUID promptId = lockPrompt(db, projectId, name);
            LabelMove move = move(db, projectId, promptId, name, label, version, author);
            touch(db, projectId, promptId);
            return move;
        });
    }

    /** The selected version, if the prompt and version exist in the project. */
    public Optional<PromptVersion> find(UUID projectId, String name, Selector selector) {
        UUID promptId = promptId(dsl, projectId, name);
        if (promptId == null) {
            return Optional.empty();
        }
        Integer version = switch (selector) {
            case Selector.ByVersion v -> v.version();
            case Selector.ByLabel l -> dsl.select(PROMPT_LABELS.VERSION).from(PROMPT_LABELS)
                    .where(PROMPT_LABELS.PROJECT_ID.eq(projectId), PROMPT_LABELS.PROMPT_ID.eq(promptId),
                            PROMPT_LABELS.LABEL.eq(l.label()))
                    .fetchOne(PROMPT_LABELS.VERSION);
            case Selector.Latest ignored -> dsl.select(DSL.max(PROMPT_VERSIONS.VERSION)).from(PROMPT_VERSIONS)
                    .where(PROMPT_VERSIONS.PROJECT_ID.eq(projectId), PROMPT_VERSIONS.PROMPT_ID.eq(promptId))
                    .fetchOne(0, Integer.class);
        };
        return version == null ? Optional.empty() : read(dsl, projectId, promptId, name, version);
    }

    /** Whether the prompt exists in the project. */
    public boolean exists(UUID projectId, String name) {
        return promptId(dsl, projectId, name) != null;
    }

    /** Prompts by name, after the cursor's name. */
    public Page<PromptSummary> list(UUID projectId, String cursor, int limit) {
        String after = PageCursor.decode(cursor);
        var latest = DSL.field(DSL.select(DSL.max(PROMPT_VERSIONS.VERSION)).from(PROMPT_VERSIONS)
                .where(PROMPT_VERSIONS.PROJECT_ID.eq(PROMPTS.PROJECT_ID), PROMPT_VERSIONS.PROMPT_ID.eq(PROMPTS.ID)));
        var rows = dsl.select(PROMPTS.ID, PROMPTS.NAME, PROMPTS.CREATED_AT, PROMPTS.UPDATED_AT, latest.as("latest"))
                .from(PROMPTS)
                .where(PROMPTS.PROJECT_ID.eq(projectId))
                .and(after == null ? DSL.noCondition() : PROMPTS.NAME.gt(after))
                .orderBy(PROMPTS.NAME)
                .limit(limit + 1)
                .fetch();
        List<PromptSummary> items = new ArrayList<>();
        for (Record r : rows.subList(0, Math.min(limit, rows.size()))) {
            Map<String, Integer> labels = new LinkedHashMap<>();
            dsl.select(PROMPT_LABELS.LABEL, PROMPT_LABELS.VERSION).from(PROMPT_LABELS)
                    .where(PROMPT_LABELS.PROJECT_ID.eq(projectId), PROMPT_LABELS.PROMPT_ID.eq(r.get(PROMPTS.ID)))
                    .orderBy(PROMPT_LABELS.LABEL)
                    .forEach(l -> labels.put(l.value1(), l.value2()));
            Integer newest = r.get("latest", Integer.class);
            items.add(new PromptSummary(r.get(PROMPTS.NAME), newest == null ? 0 : newest, labels,
                    instant(r.get(PROMPTS.CREATED_AT)), instant(r.get(PROMPTS.UPDATED_AT))));
        }
        String next = rows.size() > limit ? PageCursor.encode(items.getLast().name()) : null;
        return new Page<>(items, next);
    }

    /** Versions newest first, before the cursor's version. */
    public Page<PromptVersion> history(UUID projectId, String name, String cursor, int limit) {
        UUID promptId = requirePrompt(projectId, name);
        String before = PageCursor.decode(cursor);
        int beforeVersion;
        try {
            beforeVersion = before == null ? Integer.MAX_VALUE : Integer.parseInt(before);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid_cursor", "cursor is not one this API returned");
        }
        var rows = dsl.selectFrom(PROMPT_VERSIONS)
                .where(PROMPT_VERSIONS.PROJECT_ID.eq(projectId), PROMPT_VERSIONS.PROMPT_ID.eq(promptId),
                        PROMPT_VERSIONS.VERSION.lt(beforeVersion))
                .orderBy(PROMPT_VERSIONS.VERSION.desc())
                .limit(limit + 1)
                .fetch();
        Map<Integer, List<String>> labels = labelsByVersion(dsl, projectId, promptId);
        List<PromptVersion> items = new ArrayList<>();
        for (PromptVersionsRecord r : rows.subList(0, Math.min(limit, rows.size()))) {
            items.add(toVersion(name, r, labels.getOrDefault(r.getVersion(), List.of())));
        }
        String next = rows.size() > limit ? PageCursor.encode(Integer.toString(items.getLast().version())) : null;
        return new Page<>(items, next);
    }

    /** Current labels and the latest moves (newest first). */
    public List<Label> labels(UUID projectId, String name) {
        UUID promptId = requirePrompt(projectId, name);
        return dsl.selectFrom(PROMPT_LABELS)
                .where(PROMPT_LABELS.PROJECT_ID.eq(projectId), PROMPT_LABELS.PROMPT_ID.eq(promptId))
                .orderBy(PROMPT_LABELS.LABEL)
                .fetch(r -> new Label(r.getLabel(), r.getVersion(), instant(r.getUpdatedAt())));
    }

    /** The most recent label moves, newest first. */
    public List<LabelMove> moves(UUID projectId, String name, int limit) {
        UUID promptId = requirePrompt(projectId, name);
        return dsl.selectFrom(PROMPT_LABEL_MOVES)
                .where(PROMPT_LABEL_MOVES.PROJECT_ID.eq(projectId), PROMPT_LABEL_MOVES.PROMPT_ID.eq(promptId))
                .orderBy(PROMPT_LABEL_MOVES.ID.desc())
                .limit(limit)
                .fetch(r -> new LabelMove(r.getLabel(), r.getFromVersion(), r.getToVersion(),
                        new PromptVersion.Author(r.getMovedByUser(), r.getMovedByKey()), instant(r.getMovedAt())));
    }

    /** Starts an experiment; 409 when the prompt already has a running one. */
    public Experiment startExperiment(UUID projectId, String prompt, String name, List<Experiment.Variant> variants,
                                      String primaryMetric, List<String> guardrails) {
        try {
            return dsl.transactionResult(tx -> {
                DSLContext db = tx.dsl();
                UUID promptId = lockPrompt(db, projectId, prompt);
                for (Experiment.Variant v : variants) {
                    requireVersion(db, projectId, promptId, prompt, v.version());
                }
                UUID id = db.insertInto(PROMPT_EXPERIMENTS)
                        .set(PROMPT_EXPERIMENTS.PROJECT_ID, projectId)
                        .set(PROMPT_EXPERIMENTS.PROMPT_ID, promptId)
                        .set(PROMPT_EXPERIMENTS.NAME, name)
                        .set(PROMPT_EXPERIMENTS.PRIMARY_METRIC, primaryMetric)
                        .set(PROMPT_EXPERIMENTS.GUARDRAILS, guardrails.toArray(String[]::new))
                        .returning(PROMPT_EXPERIMENTS.ID).fetchOne().getId();
                for (int i = 0; i < variants.size(); i++) {
                    db.insertInto(PROMPT_EXPERIMENT_VARIANTS)
                            .set(PROMPT_EXPERIMENT_VARIANTS.PROJECT_ID, projectId)
                            .set(PROMPT_EXPERIMENT_VARIANTS.EXPERIMENT_ID, id)
                            .set(PROMPT_EXPERIMENT_VARIANTS.POSITION, i)
                            .set(PROMPT_EXPERIMENT_VARIANTS.PROMPT_ID, promptId)
                            .set(PROMPT_EXPERIMENT_VARIANTS.VERSION, variants.get(i).version())
                            .set(PROMPT_EXPERIMENT_VARIANTS.WEIGHT, variants.get(i).weight())
                            .execute();
                }
                touch(db, projectId, promptId);
                return experiments(db, projectId, prompt, PROMPT_EXPERIMENTS.ID.eq(id)).getFirst();
            });
        } catch (DataAccessException e) {
            if ("23505".equals(e.sqlState())) {
                throw new ApiException(Status.CONFLICT_409, "experiment_running",
                        "prompt " + prompt + " already has a running experiment; stop it first");
            }
            throw e;
        }
    }

    /** Stops a running experiment; returns it, or empty when it does not exist in the project. */
    public Optional<Experiment> stopExperiment(UUID projectId, String prompt, UUID experimentId) {
        UUID promptId = requirePrompt(projectId, prompt);
        dsl.update(PROMPT_EXPERIMENTS).set(PROMPT_EXPERIMENTS.STATUS, "stopped")
                .set(PROMPT_EXPERIMENTS.STOPPED_AT, OffsetDateTime.now())
                .where(PROMPT_EXPERIMENTS.PROJECT_ID.eq(projectId), PROMPT_EXPERIMENTS.PROMPT_ID.eq(promptId),
                        PROMPT_EXPERIMENTS.ID.eq(experimentId), PROMPT_EXPERIMENTS.STATUS.eq("running"))
                .execute();
        return experiments(dsl, projectId, prompt, PROMPT_EXPERIMENTS.PROMPT_ID.eq(promptId)
                .and(PROMPT_EXPERIMENTS.ID.eq(experimentId))).stream().findFirst();
    }

    /** Every experiment of the prompt, newest first. */
    public List<Experiment> experiments(UUID projectId, String prompt) {
        UUID promptId = requirePrompt(projectId, prompt);
        return experiments(dsl, projectId, prompt, PROMPT_EXPERIMENTS.PROMPT_ID.eq(promptId));
    }

    /** The running experiment of the prompt, if any. */
    public Optional<Experiment> runningExperiment(UUID projectId, String prompt) {
        UUID promptId = promptId(dsl, projectId, prompt);
        if (promptId == null) {
            return Optional.empty();
        }
        return experiments(dsl, projectId, prompt, PROMPT_EXPERIMENTS.PROMPT_ID.eq(promptId)
                .and(PROMPT_EXPERIMENTS.STATUS.eq("running"))).stream().findFirst();
    }

    private List<Experiment> experiments(DSLContext db, UUID projectId, String prompt, org.jooq.Condition condition) {
        List<Experiment> out = new ArrayList<>();
        for (PromptExperimentsRecord e : db.selectFrom(PROMPT_EXPERIMENTS)
                .where(PROMPT_EXPERIMENTS.PROJECT_ID.eq(projectId)).and(condition)
                .orderBy(PROMPT_EXPERIMENTS.CREATED_AT.desc(), PROMPT_EXPERIMENTS.ID).fetch()) {
            List<Experiment.Variant> variants = db.selectFrom(PROMPT_EXPERIMENT_VARIANTS)
                    .where(PROMPT_EXPERIMENT_VARIANTS.PROJECT_ID.eq(projectId),
                            PROMPT_EXPERIMENT_VARIANTS.EXPERIMENT_ID.eq(e.getId()))
                    .orderBy(PROMPT_EXPERIMENT_VARIANTS.POSITION)
                    .fetch(v -> new Experiment.Variant(v.getVersion(), v.getWeight()));
            out.add(new Experiment(e.getId(), prompt, e.getName(), e.getStatus(), e.getPrimaryMetric(),
                    List.of(e.getGuardrails()), variants, instant(e.getCreatedAt()), instant(e.getStoppedAt())));
        }
        return out;
    }

    private LabelMove move(DSLContext db, UUID projectId, UUID promptId, String name, String label, int version,
                           PromptVersion.Author author) {
        requireVersion(db, projectId, promptId, name, version);
        Integer from = db.select(PROMPT_LABELS.VERSION).from(PROMPT_LABELS)
                .where(PROMPT_LABELS.PROJECT_ID.eq(projectId), PROMPT_LABELS.PROMPT_ID.eq(promptId),
                        PROMPT_LABELS.LABEL.eq(label))
                .fetchOne(PROMPT_LABELS.VERSION);
        db.insertInto(PROMPT_LABELS)
                .set(PROMPT_LABELS.PROJECT_ID, projectId)
                .set(PROMPT_LABELS.PROMPT_ID, promptId)
                .set(PROMPT_LABELS.LABEL, label)
                .set(PROMPT_LABELS.VERSION, version)
                .onConflict(PROMPT_LABELS.PROJECT_ID, PROMPT_LABELS.PROMPT_ID, PROMPT_LABELS.LABEL)
                .doUpdate().set(PROMPT_LABELS.VERSION, version).set(PROMPT_LABELS.UPDATED_AT, DSL.currentOffsetDateTime())
                .execute();
        OffsetDateTime at = db.insertInto(PROMPT_LABEL_MOVES)
                .set(PROMPT_LABEL_MOVES.PROJECT_ID, projectId)
                .set(PROMPT_LABEL_MOVES.PROMPT_ID, promptId)
                .set(PROMPT_LABEL_MOVES.LABEL, label)
                .set(PROMPT_LABEL_MOVES.FROM_VERSION, from)
                .set(PROMPT_LABEL_MOVES.TO_VERSION, version)
                .set(PROMPT_LABEL_MOVES.MOVED_BY_USER, author.userId())
                .set(PROMPT_LABEL_MOVES.MOVED_BY_KEY, author.apiKeyId())
                .returning(PROMPT_LABEL_MOVES.MOVED_AT).fetchOne().getMovedAt();
        return new LabelMove(label, from, version, author, instant(at));
    }

    private static void requireVersion(DSLContext db, UUID projectId, UUID promptId, String name, int version) {
        if (!db.fetchExists(PROMPT_VERSIONS, PROMPT_VERSIONS.PROJECT_ID.eq(projectId),
                PROMPT_VERSIONS.PROMPT_ID.eq(promptId), PROMPT_VERSIONS.VERSION.eq(version))) {
            throw ApiException.notFound("version " + version + " of prompt " + name);
        }
    }

    private UUID requirePrompt(UUID projectId, String name) {
        UUID id = promptId(dsl, projectId, name);
        if (id == null) {
            throw ApiException.notFound("prompt " + name);
        }
        return id;
    }

    private static UUID lockPrompt(DSLContext db, UUID projectId, String name) {
        UUID id = db.select(PROMPTS.ID).from(PROMPTS).where(PROMPTS.PROJECT_ID.eq(projectId), PROMPTS.NAME.eq(name))
                .forUpdate().fetchOne(PROMPTS.ID);
        if (id == null) {
            throw ApiException.notFound("prompt " + name);
        }
        return id;
    }

    private static UUID promptId(DSLContext db, UUID projectId, String name) {
        return db.select(PROMPTS.ID).from(PROMPTS).where(PROMPTS.PROJECT_ID.eq(projectId), PROMPTS.NAME.eq(name))
                .fetchOne(PROMPTS.ID);
    }

    private static void touch(DSLContext db, UUID projectId, UUID promptId) {
        db.update(PROMPTS).set(PROMPTS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(PROMPTS.PROJECT_ID.eq(projectId), PROMPTS.ID.eq(promptId)).execute();
    }

    private static Optional<PromptVersion> read(DSLContext db, UUID projectId, UUID promptId, String name, int version) {
        PromptVersionsRecord r = db.selectFrom(PROMPT_VERSIONS)
                .where(PROMPT_VERSIONS.PROJECT_ID.eq(projectId), PROMPT_VERSIONS.PROMPT_ID.eq(promptId),
                        PROMPT_VERSIONS.VERSION.eq(version))
                .fetchOne();
        if (r == null) {
            return Optional.empty();
        }
        List<String> labels = db.select(PROMPT_LABELS.LABEL).from(PROMPT_LABELS)
                .where(PROMPT_LABELS.PROJECT_ID.eq(projectId), PROMPT_LABELS.PROMPT_ID.eq(promptId),
                        PROMPT_LABELS.VERSION.eq(version))
                .orderBy(PROMPT_LABELS.LABEL).fetch(PROMPT_LABELS.LABEL);
        return Optional.of(toVersion(name, r, labels));
    }

    private static Map<Integer, List<String>> labelsByVersion(DSLContext db, UUID projectId, UUID promptId) {
        Map<Integer, List<String>> out = new LinkedHashMap<>();
        db.select(PROMPT_LABELS.VERSION, PROMPT_LABELS.LABEL).from(PROMPT_LABELS)
                .where(PROMPT_LABELS.PROJECT_ID.eq(projectId), PROMPT_LABELS.PROMPT_ID.eq(promptId))
                .orderBy(PROMPT_LABELS.LABEL)
                .forEach(r -> out.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
        return out;
    }

    private static PromptVersion toVersion(String name, PromptVersionsRecord r, List<String> labels) {
        List<ChatMessage> messages = r.getMessages() == null ? null : parse(r.getMessages(), MESSAGES);
        List<String> variables = List.copyOf(r.getTemplate() != null ? Template.variables(r.getTemplate())
                : Template.variables(messages));
        return new PromptVersion(name, r.getVersion(), r.getTemplate() != null ? "text" : "chat", r.getTemplate(),
                messages, r.getModel(), parse(r.getParameters(), OBJECT), r.getCommitMessage(),
                new PromptVersion.Author(r.getAuthorUserId(), r.getAuthorKeyId()), List.copyOf(labels), variables,
                instant(r.getCreatedAt()));
    }

    private static JSONB jsonb(Object value) {
        try {
            return JSONB.valueOf(Json.MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("invalid_request", "value is not serialisable as JSON");
        }
    }

    private static <T> T parse(JSONB value, TypeReference<T> type) {
        try {
            return Json.STORED.readValue(value.data(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
