package dev.argus.core.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.argus.core.auth.Access;
import dev.argus.core.auth.ApiKeyScope;
import dev.argus.core.auth.Caller;
import dev.argus.core.server.ApiException;
import dev.argus.core.server.ApiRules;
import dev.argus.core.server.ApiService;
import dev.argus.core.server.Json;
import dev.argus.core.server.Page;
import dev.argus.core.server.PathParams;
import dev.argus.core.server.RequestBodies;
import dev.argus.core.storage.jooq.enums.ProjectRole;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /api/v1/datasets}: named sets of items (input, reference, metadata) to evaluate against.
 * Items come inline when a dataset is created, later as JSON, CSV or JSON Lines uploads, or from
 * production calls (their input and output become an item's input and reference).
 */
public final class DatasetsService implements ApiService {

    /** The largest upload body, after decompression. */
    static final int MAX_UPLOAD_BYTES = 16 * 1024 * 1024;
    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 2000;
    private static final Set<String> FIELDS = Set.of("name", "description", "items");

    private final DatasetStore store;

    public DatasetsService(DatasetStore store) {
        this.store = store;
    }

    @Override
    public void routes(ApiRules rules) {
        Access read = Access.roleOrKey(ProjectRole.viewer, ApiKeyScope.READ);
        Access write = Access.roleOrKey(ProjectRole.member, ApiKeyScope.INGEST);
        rules.post("/", write, this::create);
        rules.get("/", read, this::list);
        rules.get("/{id}", read, this::one);
        rules.delete("/{id}", write, this::delete);
        rules.post("/{id}/items", write, this::upload);
        rules.post("/{id}/items/from-calls", write, this::fromCalls);
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
        JsonNode name = body.path("name");
        if (!name.isTextual() || name.asText().isBlank() || name.asText().length() > MAX_NAME) {
            throw ApiException.badRequest("invalid_request", "name: required, 1 to " + MAX_NAME + " characters");
        }
        JsonNode description = body.path("description");
        if (!description.isMissingNode() && !description.isNull()
                && (!description.isTextual() || description.asText().length() > MAX_DESCRIPTION)) {
            throw ApiException.badRequest("invalid_request", "description: a string of at most " + MAX_DESCRIPTION
                    + " characters");
        }
        List<NewItem> items = body.has("items") ? ItemUploads.fromJson(body.get("items"), "items") : List.of();
        UUID id = store.create(caller.projectId(), name.asText().strip(),
                description.isTextual() ? description.asText() : null, items);
        Json.send(res, Status.CREATED_201, view(store.find(caller.projectId(), id).orElseThrow()));
    }

    private void list(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        Page page = Page.of(req);
        UUID before = page.cursor().isPresent() ? page.uuidPart(0) : null;
        List<DatasetStore.Dataset> fetched = store.page(caller.projectId(), before, page.limit() + 1);
        Map<String, Object> body = page.body(fetched, d -> Page.encode(d.id().toString()));
        @SuppressWarnings("unchecked")
        List<DatasetStore.Dataset> items = (List<DatasetStore.Dataset>) body.get("items");
        body.put("items", items.stream().map(DatasetsService::view).toList());
        Json.ok(res, body);
    }

    private void one(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        UUID id = PathParams.uuid(req, "id", "dataset");
        DatasetStore.Dataset dataset = store.find(caller.projectId(), id).orElseThrow(() -> ApiException.notFound("dataset"));
        Page page = Page.of(req);
        Integer after = page.cursor().isPresent() ? (int) page.longPart(0) : null;
        List<DatasetStore.Item> fetched = store.items(caller.projectId(), id, after, page.limit() + 1);
        Map<String, Object> items = page.body(fetched, item -> Page.encode(String.valueOf(item.position())));
        @SuppressWarnings("unchecked")
        List<DatasetStore.Item> pageItems = (List<DatasetStore.Item>) items.get("items");
        Map<String, Object> view = view(dataset);
        view.put("items", pageItems.stream().map(DatasetsService::item).toList());
        view.put("next_cursor", items.get("next_cursor"));
        Json.ok(res, view);
    }

    private void delete(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        UUID id = PathParams.uuid(req, "id", "dataset");
        if (!store.delete(caller.projectId(), id)) {
            throw ApiException.notFound("dataset");
        }
        res.status(Status.NO_CONTENT_204).send();
    }

    /** JSON ({@code {"items": [...]}}), CSV ({@code text/csv}) or JSON Lines ({@code application/x-ndjson}). */
    private void upload(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        UUID id = PathParams.uuid(req, "id", "dataset");
        String type = req.headers().first(HeaderNames.CONTENT_TYPE).orElse("application/json")
                .split(";")[0].strip().toLowerCase(Locale.ROOT);
        List<NewItem> items = switch (type) {
            case "application/json" -> {
                JsonNode body = Json.readTree(req);
                if (!body.isObject() || !body.has("items") || body.size() != 1) {
                    throw ApiException.badRequest("invalid_request", "the body must be {\"items\": [...]}");
                }
                yield ItemUploads.fromJson(body.get("items"), "items");
            }
            case "text/csv" -> ItemUploads.fromCsv(text(req));
            case "application/x-ndjson", "application/jsonl", "application/jsonlines" ->
                    ItemUploads.fromJsonLines(text(req));
            default -> throw new ApiException(Status.UNSUPPORTED_MEDIA_TYPE_415, "unsupported_media_type",
                    "Content-Type: items are uploaded as application/json, text/csv or application/x-ndjson, got " + type);
        };
        added(res, id, items.size(), store.append(caller.projectId(), id, nonEmpty(items)));
    }

    /** Production calls become items: the call's input is the item's input and its output the reference. */
    private void fromCalls(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        UUID id = PathParams.uuid(req, "id", "dataset");
        JsonNode body = Json.readTree(req);
        if (!body.isObject() || body.size() != 1 || !body.path("call_ids").isArray() || body.path("call_ids").isEmpty()) {
            throw ApiException.badRequest("invalid_request", "call_ids: required, a non-empty array of call ids");
        }
        JsonNode callIds = body.get("call_ids");
        ItemUploads.checkCount(callIds.size(), "call_ids");
        Set<UUID> ids = new LinkedHashSet<>();
        for (int i = 0; i < callIds.size(); i++) {
            try {
                ids.add(UUID.fromString(callIds.get(i).asText()));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("invalid_request", "call_ids[" + i + "]: not a call id");
            }
        }
        Map<UUID, DatasetStore.CallTexts> found = store.calls(caller.projectId(), ids);
        List<NewItem> items = new ArrayList<>();
        int i = 0;
        for (UUID callId : ids) {
            DatasetStore.CallTexts call = found.get(callId);
            if (call == null) {
                throw ApiException.badRequest("unknown_call", "call_ids[" + i + "]: no call " + callId + " in this project");
            }
            var metadata = Json.MAPPER.createObjectNode().put("call_id", callId.toString())
                    .put("provider", call.provider()).put("model", call.model());
            if (call.promptName() != null) {
                metadata.put("prompt_name", call.promptName()).put("prompt_version", call.promptVersion());
            }
            if (call.input() == null && call.output() == null) {
                throw ApiException.badRequest("invalid_request", "call_ids[" + i + "]: call " + callId
                        + " has neither input nor output text");
            }
            items.add(new NewItem(call.input(), call.output(), metadata.toString()));
            i++;
        }
        added(res, id, items.size(), store.append(caller.projectId(), id, items));
    }

    private static List<NewItem> nonEmpty(List<NewItem> items) {
        if (items.isEmpty()) {
            throw ApiException.badRequest("invalid_request", "items: the upload holds no items");
        }
        return items;
    }

    private static void added(ServerResponse res, UUID id, int added, java.util.Optional<Integer> count) {
        int itemCount = count.orElseThrow(() -> ApiException.notFound("dataset"));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("dataset_id", id);
        view.put("added", added);
        view.put("item_count", itemCount);
        Json.send(res, Status.CREATED_201, view);
    }

    /** The body as UTF-8 text, bounded; anything that is not UTF-8 is a 400. */
    private static String text(ServerRequest req) {
        byte[] body = RequestBodies.bounded(req, MAX_UPLOAD_BYTES);
        if (body.length == 0) {
            throw ApiException.badRequest("invalid_upload", "the upload is empty");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("invalid_upload", "the upload is not UTF-8 text");
        }
    }

    static Map<String, Object> view(DatasetStore.Dataset d) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", d.id());
        view.put("name", d.name());
        view.put("description", d.description());
        view.put("created_at", d.createdAt());
        view.put("item_count", d.itemCount());
        return view;
    }

    private static Map<String, Object> item(DatasetStore.Item item) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", item.id());
        view.put("position", item.position());
        view.put("input", item.input());
        view.put("reference", item.reference());
        view.put("metadata", tree(item.metadataJson()));
        view.put("created_at", item.createdAt());
        return view;
    }

    private static JsonNode tree(String json) {
        try {
            return Json.STORED.readTree(json);
        } catch (IOException e) {
            return Json.MAPPER.createObjectNode();
        }
    }
}
