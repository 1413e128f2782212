package dev.argus.core.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.argus.api.ConfigField;
import dev.argus.api.ConfigSchema;
import dev.argus.api.ExtensionKind;
import dev.argus.api.evaluator.Evaluator;
import dev.argus.api.evaluator.Score;
import dev.argus.core.auth.Access;
import dev.argus.core.auth.ApiKeyScope;
import dev.argus.core.auth.Caller;
import dev.argus.core.plugins.PluginHost;
import dev.argus.core.plugins.RegisteredExtension;
import dev.argus.core.server.ApiException;
import dev.argus.core.server.ApiRules;
import dev.argus.core.server.ApiService;
import dev.argus.core.server.Json;
import dev.argus.core.storage.jooq.enums.ProjectRole;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/v1/evaluators}: every evaluator extension with its config schema, and synchronous scoring
 * of one answer ({@code POST /{id}/score}) through the same guarded call the job queue makes.
 */
public final class EvaluatorsService implements ApiService {

    private static final Set<String> FIELDS = Set.of("reference", "candidate", "input", "config");

    private final PluginHost plugins;
    private final ScoringCall scoring;
    private final EvaluationContexts contexts;

    public EvaluatorsService(PluginHost plugins, ScoringCall scoring, EvaluationContexts contexts) {
        this.contexts = contexts;
        this.plugins = plugins;
        this.scoring = scoring;
    }

    @Override
    public void routes(ApiRules rules) {
        rules.get("/", Access.roleOrKey(ProjectRole.viewer, ApiKeyScope.READ), this::list);
        rules.post("/{id}/score", Access.roleOrKey(ProjectRole.member, ApiKeyScope.INGEST), this::score);
    }

    private void list(ServerRequest req, ServerResponse res) {
        List<Map<String, Object>> items = plugins.registry().all().stream()
                .filter(e -> e.kind() == ExtensionKind.EVALUATOR)
                .sorted(Comparator.comparing(RegisteredExtension::id))
                .map(EvaluatorsService::view)
                .toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("next_cursor", null);
        Json.ok(res, body);
    }

    private static Map<String, Object> view(RegisteredExtension registered) {
        Evaluator evaluator = (Evaluator) registered.extension();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", registered.id());
        view.put("name", textOr(() -> evaluator.displayName(), registered.id()));
        view.put("description", textOr(() -> evaluator.description(), ""));
        view.put("plugin_id", registered.pluginId());
        view.put("source", registered.source().name().toLowerCase(Locale.ROOT));
        view.put("state", registered.effectiveState());
        view.put("problem", registered.health().suspended() ? registered.health().suspendedReason()
                : registered.problem());
        List<String> requirements;
        ConfigSchema schema;
        try {
            requirements = evaluator.requirements().stream().map(r -> r.name().toLowerCase(Locale.ROOT)).sorted()
                    .toList();
            schema = evaluator.configSchema();
        } catch (RuntimeException e) {
            requirements = List.of();
            schema = ConfigSchema.EMPTY;
        }
        view.put("requirements", requirements);
        view.put("config_schema", Map.of("fields", schema.fields().stream().map(EvaluatorsService::field).toList()));
        return view;
    }

    private static Map<String, Object> field(ConfigField field) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", field.name());
        view.put("type", field.type().name().toLowerCase(Locale.ROOT));
        view.put("required", field.required());
        view.put("secret", field.secret());
        view.put("default", field.defaultValue());
        view.put("description", field.description());
        view.put("allowed_values", field.allowedValues());
        return view;
    }

    private static String textOr(java.util.function.Supplier<String> text, String fallback) {
        try {
            String value = text.get();
            return value == null ? fallback : value;
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    private void score(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        RegisteredExtension registered = plugins.registry().find(ExtensionKind.EVALUATOR, id)
                .orElseThrow(() -> ApiException.notFound("evaluator " + id));
        JsonNode body = Json.readTree(req);
        if (!body.isObject()) {
            throw ApiException.badRequest("invalid_request", "the body must be a JSON object");
        }
        for (String name : (Iterable<String>) body::fieldNames) {
            if (!FIELDS.contains(name)) {
                throw ApiException.badRequest("invalid_request", name + ": unknown field");
            }
        }
        String candidate = text(body, "candidate");
        if (candidate == null) {
            throw ApiException.badRequest("invalid_request", "candidate: required (the answer to score)");
        }
        String reference = text(body, "reference");
        String input = text(body, "input");
        Evaluator evaluator = (Evaluator) registered.extension();
        Map<String, String> config = EvaluationConfig.fromJson(body.get("config"), "config");
        EvaluationConfig.validate(evaluator.configSchema(), config, "config");
        if (reference == null && evaluator.requirements().contains(Evaluator.Requirement.REFERENCE)) {
            throw ApiException.badRequest("missing_reference", "reference: required by evaluator '" + id + "'");
        }
        if (!registered.active()) {
            throw new ApiException(Status.SERVICE_UNAVAILABLE_503, "evaluator_unavailable",
                    "evaluator '" + id + "' is " + registered.effectiveState()
                            + (registered.problem() == null ? "" : ": " + registered.problem()));
        }
        ScoringCall.Outcome outcome = scoring.score(evaluator, id, config, input, candidate, reference, Map.of(),
                contexts.of(Caller.of(req).projectId(), Map.of("argus_evaluator", id)));
        if (outcome.score() == null) {
            throw failure(id, outcome);
        }
        Score score = outcome.score();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("evaluator", id);
        view.put("score", score.value());
        view.put("label", score.label());
        view.put("explanation", score.explanation());
        view.put("details", score.details());
        Json.ok(res, view);
    }

    private static ApiException failure(String id, ScoringCall.Outcome outcome) {
        return switch (outcome.failure()) {
            case UNSCORABLE -> ApiException.badRequest("unscorable_input", outcome.error());
            case TIMED_OUT -> new ApiException(Status.GATEWAY_TIMEOUT_504, "evaluator_timeout",
                    "evaluator '" + id + "' " + outcome.error());
            case UNAVAILABLE -> new ApiException(Status.SERVICE_UNAVAILABLE_503, "evaluator_unavailable",
                    outcome.error(), Map.of(), Map.of("Retry-After", "1"));
            case FAILED -> new ApiException(Status.BAD_GATEWAY_502, "evaluator_failed",
                    "evaluator '" + id + "' failed: " + outcome.error());
        };
    }

    private static String text(JsonNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest("invalid_request", name + ": must be a string");
        }
        return value.asText();
    }
}
