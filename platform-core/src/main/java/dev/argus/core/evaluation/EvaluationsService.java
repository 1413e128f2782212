package dev.argus.core.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.argus.api.evaluator.Evaluator;
import dev.argus.core.auth.Access;
import dev.argus.core.auth.ApiKeyScope;
import dev.argus.core.auth.Caller;
import dev.argus.core.plugins.PluginHost;
import dev.argus.core.server.ApiException;
import dev.argus.core.server.ApiRules;
import dev.argus.core.server.ApiService;
import dev.argus.core.server.Json;
import dev.argus.core.server.Page;
import dev.argus.core.server.PathParams;
import dev.argus.core.storage.jooq.enums.ProjectRole;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /api/v1/evaluations}: score given texts, stored calls or a dataset with one evaluator,
 * asynchronously through the job queue ({@code POST} answers 202 once the jobs are committed), then
 * follow progress, per-item scores and the aggregate ({@code GET /{id}}), or list evaluations.
 */
public final class EvaluationsService implements ApiService {

    private static final Set<String> FIELDS = Set.of("evaluator", "config", "items", "call_ids", "dataset_id");

    private final PluginHost plugins;
    private final EvaluationStore store;
    private final EvaluationTargets targets;
    private final int maxAttempts;
    private final Runnable wake;

    /**
     * @param maxAttempts attempts each job gets before it is dead-lettered
     * @param wake        tells the local worker that jobs were queued
     */
    public EvaluationsService(PluginHost plugins, EvaluationStore store, EvaluationTargets targets, int maxAttempts,
                              Runnable wake) {
        this.plugins = plugins;
        this.store = store;
        this.targets = targets;
        this.maxAttempts = maxAttempts;
        this.wake = wake;
    }

    @Override
    public void routes(ApiRules rules) {
        Access read = Access.roleOrKey(ProjectRole.viewer, ApiKeyScope.READ);
        rules.post("/", Access.roleOrKey(ProjectRole.member, ApiKeyScope.INGEST), this::create);
        rules.get("/", read, this::list);
        rules.get("/{id}", read, this::one);
    }

    private void create(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        JsonNode body = Json.readTree(req);
        if (!body.isObject()) {
            throw ApiException.badRequest("invalid_request", "the body must be a JSON object");
        }
        for (String name : (Iterable<String>) body::fieldNames) {
            if (!FIELDS.contains(name)) {
                throw ApiException.badRequest("invalid_request", name + ": unknown field");
            }
        }
        Evaluator evaluator = Evaluators.active(plugins, body.path("evaluator"), "evaluator");
        Map<String, String> config = EvaluationConfig.fromJson(body.get("config"), "config");
        EvaluationConfig.validate(evaluator.configSchema(), config, "config");
        List<String> given = FIELDS.stream().filter(f -> f.equals("items") || f.equals("call_ids")
                || f.equals("dataset_id")).filter(body::has).sorted().toList();
        if (given.size() != 1) {
            throw ApiException.badRequest("invalid_request",
                    "items, call_ids, dataset_id: give exactly one of them (got " + given + ")");
        }
        String source = given.get(0);
        List<JobItem> items = switch (source) {
            case "items" -> targets.fromItems(body.get("items"));
            case "call_ids" -> targets.fromCalls(caller.projectId(), body.get("call_ids"));
            default -> targets.fromDataset(caller.projectId(), body.get("dataset_id").asText());
        };
        Evaluators.checkRequirements(evaluator, items, source.equals("items") ? "items" : source);
        UUID datasetId = source.equals("dataset_id") ? UUID.fromString(body.get("dataset_id").asText()) : null;
        String sourceName = switch (source) {
            case "items" -> "items";
            case "call_ids" -> "calls";
            default -> "dataset";
        };
        UUID id = store.create(caller.projectId(), evaluator.id(), EvaluationConfig.toJson(config), sourceName,
                datasetId, items, maxAttempts);
        wake.run();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", id);
        view.put("status", "queued");
        view.put("total", items.size());
        Json.send(res, Status.ACCEPTED_202, view);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        Page page = Page.of(req);
        UUID before = page.cursor().isPresent() ? page.uuidPart(0) : null;
        List<EvaluationStore.Summary> fetched = store.page(caller.projectId(), before, page.limit() + 1);
        Map<String, Object> body = page.body(fetched, s -> Page.encode(s.id().toString()));
        @SuppressWarnings("unchecked")
        List<EvaluationStore.Summary> items = (List<EvaluationStore.Summary>) body.get("items");
        body.put("items", items.stream().map(EvaluationViews::summary).toList());
        Json.ok(res, body);
    }

    private void one(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        UUID id = PathParams.uuid(req, "id", "evaluation");
        EvaluationStore.Summary summary = store.find(caller.projectId(), id)
                .orElseThrow(() -> ApiException.notFound("evaluation"));
        Map<String, Object> view = EvaluationViews.summary(summary);
        view.put("items", store.items(caller.projectId(), id).stream().map(EvaluationViews::item).toList());
        Json.ok(res, view);
    }
}
