package dev.argus.core.calls;

import dev.argus.api.exporter.Exporter;
import dev.argus.core.auth.Access;
import dev.argus.core.auth.ApiKeyScope;
import dev.argus.core.auth.Caller;
import dev.argus.core.plugins.PluginHost;
import dev.argus.core.server.ApiException;
import dev.argus.core.server.ApiRules;
import dev.argus.core.server.ApiService;
import dev.argus.core.server.Json;
import dev.argus.core.storage.jooq.enums.ProjectRole;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The call explorer: {@code GET /api/v1/calls} (filtered, keyset-paginated list),
 * {@code GET /api/v1/calls/{id}} (one call with payloads and rate-limit snapshot) and
 * {@code GET /api/v1/calls/export?format=csv|json|ndjson} (every matching call, streamed from a
 * database cursor through an {@link Exporter} plugin).
 */
public final class CallsService implements ApiService {

    private static final System.Logger LOG = System.getLogger(CallsService.class.getName());
    /** Export formats and the exporter extension id that writes each. */
    private static final Map<String, String> FORMATS = Map.of("csv", "csv", "json", "json", "ndjson", "ndjson");
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final CallQueries queries;
    private final PluginHost plugins;

    public CallsService(CallQueries queries, PluginHost plugins) {
        this.queries = queries;
        this.plugins = plugins;
    }

    @Override
    public void routes(ApiRules rules) {
        Access read = Access.roleOrKey(ProjectRole.viewer, ApiKeyScope.READ);
        rules.get("/", read, this::list);
        rules.get("/export", read, this::export);
        rules.get("/{id}", read, this::one);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        var query = req.query();
        CallFilter filter = CallFilters.parse(query);
        int limit = CallFilters.limit(query);
        PageCursor after = CallFilters.first(query, "cursor").filter(s -> !s.isBlank()).map(PageCursor::decode).orElse(null);
        CallQueries.Page page = queries.page(caller.projectId(), filter, after, limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items().stream().map(CallViews::summary).toList());
        body.put("next_cursor", page.next() == null ? null : page.next().encode());
        Json.ok(res, body);
    }

    private void one(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        UUID id;
        try {
            id = UUID.fromString(req.path().pathParameters().get("id"));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("call");
        }
        CallRow row = queries.find(caller.projectId(), id).orElseThrow(() -> ApiException.notFound("call"));
        Json.ok(res, CallViews.detail(row));
    }

    private void export(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        var query = req.query();
        String format = CallFilters.first(query, "format").orElse("csv");
        String exporterId = FORMATS.get(format);
        if (exporterId == null) {
            throw ApiException.badRequest("invalid_parameter", "format: must be csv, json or ndjson");
        }
        Exporter exporter = plugins.registry().exporter(exporterId).orElseThrow(() -> ApiException.badRequest(
                "exporter_unavailable", "format: no active exporter '" + exporterId
                        + "' (install the exporter-csv / exporter-json plugin)"));
        CallFilter filter = CallFilters.parse(query);
        String fileName = "calls-" + FILE_TIME.format(Instant.now()) + "." + exporter.fileExtension();
        res.header(HeaderNames.CONTENT_TYPE, exporter.mediaType());
        res.header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        try (OutputStream out = res.outputStream()) {
            queries.stream(caller.projectId(), filter, rows -> {
                try {
                    exporter.export(rows.map(CallViews::toLlmCall), out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // the status line is gone; the client sees a truncated body
            LOG.log(System.Logger.Level.WARNING, "Export stopped: " + e.getMessage());
        }
    }
}
