package dev.argus.core.prompts;

import dev.argus.core.auth.Access;
import dev.argus.core.auth.ApiKeyScope;
import dev.argus.core.auth.Caller;
import dev.argus.core.server.ApiException;
import dev.argus.core.server.ApiRules;
import dev.argus.core.server.ApiService;
import dev.argus.core.server.Json;
import dev.argus.core.stats.StatsService;
import dev.argus.core.storage.jooq.enums.ProjectRole;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /api/v1/prompts}: versions, labels, diffs, rendering, sticky experiment assignment and the
 * {@code compare} seed endpoint. Viewers and READ keys read, resolve, render and compare; members write.
 */
public final class PromptsService implements ApiService {

    private static final Access READ = Access.roleOrKey(ProjectRole.viewer, ApiKeyScope.READ);
    private static final Access WRITE = Access.role(ProjectRole.member);
    private static final String PRODUCTION = "production";

    private final PromptStore store;
    private final PromptCache cache;
    private final PromptChanges changes;

    /**
     * @param store   the prompts' storage
     * @param cache   the read cache
     * @param changes tells every node (this one included) that a prompt changed
     */
    public PromptsService(PromptStore store, PromptCache cache, PromptChanges changes) {
        this.store = store;
        this.cache = cache;
        this.changes = changes;
    }

    @Override
    public void routes(ApiRules rules) {
        rules.get("/", READ, this::list);
        rules.post("/compare", READ, this::compare);
        rules.get("/{name}", READ, this::get);
        rules.get("/{name}/versions", READ, this::history);
        rules.post("/{name}/versions", WRITE, this::createVersion);
        rules.get("/{name}/diff", READ, this::diff);
        rules.get("/{name}/labels", READ, this::labels);
        rules.put("/{name}/labels/{label}", WRITE, this::moveLabel);
        rules.post("/{name}/render", READ, this::render);
        rules.get("/{name}/resolve", READ, this::resolve);
        rules.get("/{name}/experiments", READ, this::experiments);
        rules.post("/{name}/experiments", WRITE, this::startExperiment);
        rules.post("/{name}/experiments/{id}/stop", WRITE, this::stopExperiment);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        Json.ok(res, store.list(caller.projectId(), query(req, "cursor"), PageCursor.limit(query(req, "limit"))));
    }

    private void get(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        String name = name(req);
        Json.ok(res, version(caller.projectId(), name, selector(query(req, "label"), query(req, "version"))));
    }

    private void history(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        Json.ok(res, store.history(caller.projectId(), name(req), query(req, "cursor"), PageCursor.limit(query(req, "limit"))));
    }

    private void createVersion(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        String name = name(req);
        NewVersion body = checked(Json.read(req, NewVersion.class));
        PromptVersion created = store.createVersion(caller.projectId(), name, body, author(caller));
        changes.changed(caller.projectId(), name);
        Json.send(res, Status.CREATED_201, created);
    }

    /**
     * Line diff between two versions.
     *
     * @param name        prompt
     * @param from        old version
     * @param to          new version
     * @param added       inserted lines
     * @param removed     deleted lines
     * @param modelChange the model before and after, when it changed
     * @param parametersChanged whether the parameters differ
     * @param lines       every line with its operation ({@code equal}, {@code insert}, {@code delete})
     */
    record Diff(String name, int from, int to, int added, int removed, List<String> modelChange,
                boolean parametersChanged, List<DiffLine> lines) {
    }

    /** A diff line on the wire. */
    record DiffLine(String op, Integer oldLine, Integer newLine, String text) {
    }

    private void diff(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        String name = name(req);
        int from = intParam("from", query(req, "from"));
        int to = intParam("to", query(req, "to"));
        PromptVersion a = version(caller.projectId(), name, new Selector.ByVersion(from));
        PromptVersion b = version(caller.projectId(), name, new Selector.ByVersion(to));
        List<DiffLine> lines = new ArrayList<>();
        int added = 0;
        int removed = 0;
        for (LineDiff.Line line : LineDiff.diff(a.diffText(), b.diffText())) {
            lines.add(new DiffLine(line.op().name().toLowerCase(Locale.ROOT), line.oldLine(), line.newLine(), line.text()));
            added += line.op() == LineDiff.Op.INSERT ? 1 : 0;
            removed += line.op() == LineDiff.Op.DELETE ? 1 : 0;
        }
        List<String> modelChange = java.util.Objects.equals(a.model(), b.model()) ? null
                : java.util.Arrays.asList(a.model(), b.model());
        Json.ok(res, new Diff(name, from, to, added, removed, modelChange, !a.parameters().equals(b.parameters()), lines));
    }

    private void labels(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        String name = name(req);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", store.labels(caller.projectId(), name));
        body.put("moves", store.moves(caller.projectId(), name, 50));
        Json.ok(res, body);
    }

    /** Body of {@code PUT /{name}/labels/{label}}. */
    record MoveLabel(Integer version) {
    }

    private void moveLabel(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        String name = name(req);
        String label = PromptNames.label(req.path().pathParameters().get("label"));
        MoveLabel body = Json.read(req, MoveLabel.class);
        if (body.version() == null || body.version() < 1) {
            throw ApiException.badRequest("invalid_request", "version is required and must be at least 1");
        }
        PromptStore.LabelMove move = store.moveLabel(caller.projectId(), name, label, body.version(), author(caller));
        changes.changed(caller.projectId(), name);
        Json.ok(res, move);
    }

    /** Body of {@code POST /{name}/render}. */
    record RenderRequest(String label, Integer version, Map<String, Object> variables) {
    }

    /**
     * A rendered prompt.
     *
     * @param name       prompt
     * @param version    version rendered
     * @param type       text or chat
     * @param text       the rendered template, for text prompts
     * @param messages   the rendered messages, for chat prompts
     * @param model      model
     * @param parameters model parameters
     */
    record Rendered(String name, int version, String type, String text, List<ChatMessage> messages, String model,
                    Map<String, Object> parameters) {
    }

    private void render(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        String name = name(req);
        RenderRequest body = Json.read(req, RenderRequest.class);
        PromptVersion v = version(caller.projectId(), name,
                selector(body.label(), body.version() == null ? null : body.version().toString()));
        Map<String, Object> values = body.variables() == null ? Map.of() : body.variables();
        Template.requireAll(Set.copyOf(v.variables()), values);
        if (v.template() != null) {
            Json.ok(res, new Rendered(name, v.version(), v.type(), Template.render(v.template(), values), null, v.model(),
                    v.parameters()));
        } else {
            List<ChatMessage> messages = v.messages().stream()
                    .map(m -> new ChatMessage(m.role(), Template.render(m.content(), values))).toList();
            Json.ok(res, new Rendered(name, v.version(), v.type(), null, messages, v.model(), v.parameters()));
        }
    }

    /**
     * The version a user should be served.
     *
     * @param name       prompt
     * @param version    version to use
     * @param source     {@code experiment} or {@code label}
     * @param label      the label used, when source is label
     * @param experiment the experiment and variant, when source is experiment
     * @param prompt     the version itself
     */
    record Resolved(String name, int version, String source, String label, Assignment experiment, PromptVersion prompt) {
    }

    /**
     * @param id      experiment id
     * @param name    experiment name
     * @param variant index of the variant in the experiment
     */
    record Assignment(UUID id, String name, int variant) {
    }

    private void resolve(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        String name = name(req);
        String user = query(req, "user");
        if (user == null || user.isBlank() || user.length() > 256) {
            throw ApiException.badRequest("invalid_request", "user is required (1-256 characters)");
        }
        Optional<Experiment> running = cache.get(caller.projectId(), name, "experiment",
                () -> store.runningExperiment(caller.projectId(), name));
        if (running.isPresent()) {
            Experiment e = running.get();
            int index = VariantAssigner.assign(e.id(), user, e.variants());
            int version = e.variants().get(index).version();
            Json.ok(res, new Resolved(name, version, "experiment", null, new Assignment(e.id(), e.name(), index),
                    version(caller.projectId(), name, new Selector.ByVersion(version))));
            return;
        }
        PromptVersion v = version(caller.projectId(), name, new Selector.ByLabel(PRODUCTION));
        Json.ok(res, new Resolved(name, v.version(), "label", PRODUCTION, null, v));
    }

    private void experiments(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", store.experiments(caller.projectId(), name(req)));
        body.put("next_cursor", null);
        Json.ok(res, body);
    }

    /** Body of {@code POST /{name}/experiments}. */
    record NewExperiment(String name, List<Experiment.Variant> variants, String primaryMetric, List<String> guardrails) {
    }

    private void startExperiment(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        String prompt = name(req);
        NewExperiment body = Json.read(req, NewExperiment.class);
        if (body.name() == null || body.name().isBlank() || body.name().length() > 200) {
            throw ApiException.badRequest("invalid_request", "name is required (1-200 characters)");
        }
        if (body.variants() == null || body.variants().size() < 2 || body.variants().size() > 10) {
            throw ApiException.badRequest("invalid_request", "variants needs 2 to 10 entries");
        }
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < body.variants().size(); i++) {
            Experiment.Variant v = body.variants().get(i);
            if (v == null || v.version() < 1 || v.weight() < 1 || v.weight() > 1_000_000) {
                throw ApiException.badRequest("invalid_request",
                        "variants[" + i + "] needs a version >= 1 and a weight between 1 and 1000000");
            }
            if (!seen.add(v.version())) {
                throw ApiException.badRequest("invalid_request", "variants[" + i + "] repeats version " + v.version());
            }
        }
        if (body.primaryMetric() == null || body.primaryMetric().isBlank()) {
            throw ApiException.badRequest("invalid_request", "primary_metric is required");
        }
        Experiment e = store.startExperiment(caller.projectId(), prompt, body.name(), body.variants(),
                body.primaryMetric(), body.guardrails() == null ? List.of() : body.guardrails());
        changes.changed(caller.projectId(), prompt);
        Json.send(res, Status.CREATED_201, e);
    }

    private void stopExperiment(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        String prompt = name(req);
        UUID id;
        try {
            id = UUID.fromString(req.path().pathParameters().get("id"));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("experiment");
        }
        Experiment e = store.stopExperiment(caller.projectId(), prompt, id)
                .orElseThrow(() -> ApiException.notFound("experiment"));
        changes.changed(caller.projectId(), prompt);
        Json.ok(res, e);
    }

    /** Body of {@code POST /compare}. */
    record CompareRequest(String prompt, String metric, String direction, Double alpha, Double power,
                          Double minimumEffect, List<CompareVariant> variants) {
    }

    /** One variant's data in a compare request: {@code values}, or {@code successes} and {@code total}. */
    record CompareVariant(Integer version, List<Double> values, Long successes, Long total) {
    }

    private void compare(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        CompareRequest body = Json.read(req, CompareRequest.class);
        if (body.metric() == null || body.metric().isBlank()) {
            throw ApiException.badRequest("invalid_request", "metric is required");
        }
        if (body.variants() == null || body.variants().size() < 2 || body.variants().size() > 10) {
            throw ApiException.badRequest("invalid_request", "variants needs 2 to 10 entries");
        }
        List<VariantData> data = new ArrayList<>();
        Set<Integer> versions = new HashSet<>();
        for (int i = 0; i < body.variants().size(); i++) {
            CompareVariant v = body.variants().get(i);
            String field = "variants[" + i + "]";
            if (v == null || v.version() == null || v.version() < 1) {
                throw ApiException.badRequest("invalid_request", field + ".version is required and must be at least 1");
            }
            if (!versions.add(v.version())) {
                throw ApiException.badRequest("invalid_request", field + " repeats version " + v.version());
            }
            boolean counts = v.successes() != null || v.total() != null;
            if (counts == (v.values() != null)) {
                throw ApiException.badRequest("invalid_request", field + " needs either values or successes and total");
            }
            if (counts) {
                if (v.successes() == null || v.total() == null || v.successes() < 0 || v.total() < 1
                        || v.successes() > v.total() || v.total() > StatsService.MAX_COUNT) {
                    throw ApiException.badRequest("invalid_request",
                            field + " needs 0 <= successes <= total, 1 <= total <= " + StatsService.MAX_COUNT);
                }
                data.add(new VariantData(v.version(), null, v.successes(), v.total()));
            } else {
                data.add(new VariantData(v.version(), StatsService.values(field + ".values", v.values()), null, null));
            }
        }
        if (data.stream().map(VariantData::counts).distinct().count() > 1) {
            throw ApiException.badRequest("invalid_request", "all variants must give values, or all must give counts");
        }
        if (body.prompt() != null) {
            String prompt = PromptNames.name(body.prompt());
            for (VariantData v : data) {
                version(caller.projectId(), prompt, new Selector.ByVersion(v.version()));
            }
        }
        boolean higher = direction(body.direction(), body.metric());
        double alpha = fraction("alpha", body.alpha(), 0.05);
        double power = fraction("power", body.power(), 0.8);
        if (body.minimumEffect() != null && !(body.minimumEffect() > 0)) {
            throw ApiException.badRequest("invalid_request", "minimum_effect must be positive");
        }
        Json.ok(res, PromptComparison.compare(data,
                new PromptComparison.Settings(body.metric(), higher, alpha, power, body.minimumEffect())));
    }

    /** Lower is better for latency, cost, tokens and errors; higher for everything else. */
    private static boolean direction(String direction, String metric) {
        if (direction == null) {
            String m = metric.toLowerCase(Locale.ROOT);
            return !(m.contains("latency") || m.contains("cost") || m.contains("error") || m.contains("token")
                    || m.endsWith("_ms") || m.endsWith("_usd"));
        }
        return switch (direction) {
            case "higher" -> true;
            case "lower" -> false;
            default -> throw ApiException.badRequest("invalid_request", "direction must be higher or lower");
        };
    }

    private static double fraction(String field, Double value, double fallback) {
        if (value == null) {
            return fallback;
        }
        if (!(value > 0 && value < 1)) {
            throw ApiException.badRequest("invalid_request", field + " must be between 0 and 1 (exclusive)");
        }
        return value;
    }

    private PromptVersion version(UUID projectId, String name, Selector selector) {
        return cache.get(projectId, name, key(selector), () -> store.find(projectId, name, selector))
                .orElseThrow(() -> ApiException.notFound(describe(name, selector)));
    }

    private static String key(Selector selector) {
        return switch (selector) {
            case Selector.ByLabel l -> "label:" + l.label();
            case Selector.ByVersion v -> "version:" + v.version();
            case Selector.Latest ignored -> "latest";
        };
    }

    private static String describe(String name, Selector selector) {
        return switch (selector) {
            case Selector.ByLabel l -> "version labelled " + l.label() + " of prompt " + name;
            case Selector.ByVersion v -> "version " + v.version() + " of prompt " + name;
            case Selector.Latest ignored -> "prompt " + name;
        };
    }

    /** {@code label} or {@code version} (not both); neither means the production label. */
    private static Selector selector(String label, String version) {
        if (label != null && version != null) {
            throw ApiException.badRequest("invalid_request", "give label or version, not both");
        }
        if (version != null) {
            return new Selector.ByVersion(intParam("version", version));
        }
        if (label == null || label.equals(PRODUCTION)) {
            return new Selector.ByLabel(PRODUCTION);
        }
        if (label.equals(PromptNames.LATEST)) {
            return new Selector.Latest();
        }
        return new Selector.ByLabel(PromptNames.label(label));
    }

    private static NewVersion checked(NewVersion v) {
        if ((v.template() == null) == (v.messages() == null)) {
            throw ApiException.badRequest("invalid_request", "give exactly one of template and messages");
        }
        if (v.template() != null && v.template().isBlank()) {
            throw ApiException.badRequest("invalid_request", "template must not be blank");
        }
        if (v.messages() != null) {
            if (v.messages().isEmpty()) {
                throw ApiException.badRequest("invalid_request", "messages needs at least one message");
            }
            for (int i = 0; i < v.messages().size(); i++) {
                ChatMessage m = v.messages().get(i);
                if (m == null || m.role() == null || m.role().isBlank() || m.content() == null) {
                    throw ApiException.badRequest("invalid_request", "messages[" + i + "] needs a role and content");
                }
            }
        }
        if (v.commitMessage() != null && v.commitMessage().length() > 2000) {
            throw ApiException.badRequest("invalid_request", "commit_message is longer than 2000 characters");
        }
        if (v.model() != null && (v.model().isBlank() || v.model().length() > 200)) {
            throw ApiException.badRequest("invalid_request", "model must be 1-200 characters");
        }
        if (v.labels() != null) {
            v.labels().forEach(PromptNames::label);
        }
        return v;
    }

    private static PromptVersion.Author author(Caller caller) {
        return new PromptVersion.Author(caller.userId(), caller.apiKeyId());
    }

    private static String name(ServerRequest req) {
        return PromptNames.name(req.path().pathParameters().get("name"));
    }

    private static String query(ServerRequest req, String name) {
        return req.query().contains(name) ? req.query().get(name) : null;
    }

    private static int intParam(String field, String value) {
        if (value == null) {
            throw ApiException.badRequest("invalid_request", field + " is required");
        }
        try {
            int v = Integer.parseInt(value);
            if (v >= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw ApiException.badRequest("invalid_request", field + " must be a positive integer");
    }
}
