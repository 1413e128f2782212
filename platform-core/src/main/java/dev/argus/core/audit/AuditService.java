package dev.argus.core.audit;

import static dev.argus.core.storage.jooq.Tables.AUDIT_LOG;

import com.fasterxml.jackson.databind.JsonNode;
import dev.argus.core.auth.Access;
import dev.argus.core.auth.Caller;
import dev.argus.core.server.ApiException;
import dev.argus.core.server.ApiRules;
import dev.argus.core.server.ApiService;
import dev.argus.core.server.Json;
import dev.argus.core.server.Page;
import dev.argus.core.storage.jooq.enums.ProjectRole;
import dev.argus.core.storage.jooq.tables.records.AuditLogRecord;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * {@code GET /api/v1/audit} (newest first, keyset-paginated, filterable by {@code action}) and
 * {@code GET /api/v1/audit/export} (every entry as NDJSON), for project admins.
 */
public final class AuditService implements ApiService {

    private static final int EXPORT_BATCH = 1000;

    private final DSLContext dsl;

    public AuditService(DSLContext dsl) {
        this.dsl = dsl;
    }

    record Entry(long id, String action, String targetType, String targetId, JsonNode summary, UUID actorUserId,
                 UUID actorApiKeyId, String ip, OffsetDateTime createdAt) {
    }

    @Override
    public void routes(ApiRules rules) {
        rules.get("/", Access.role(ProjectRole.admin), this::list);
        rules.get("/export", Access.role(ProjectRole.admin), this::export);
    }

    private static Entry entry(AuditLogRecord r) {
        try {
            return new Entry(r.getId(), r.getAction(), r.getTargetType(), r.getTargetId(),
                    Json.STORED.readTree(r.getSummary().data()), r.getActorUserId(), r.getActorApiKeyId(), r.getIp(),
                    r.getCreatedAt());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Condition filter(ServerRequest req) {
        Condition condition = AUDIT_LOG.PROJECT_ID.eq(Caller.of(req).projectId());
        var action = req.query().first("action").asOptional().filter(a -> !a.isBlank());
        if (action.isPresent()) {
            condition = condition.and(AUDIT_LOG.ACTION.eq(action.get().trim()));
        }
        return condition;
    }

    private void list(ServerRequest req, ServerResponse res) {
        Page page = Page.of(req);
        Condition condition = filter(req);
        if (page.cursor().isPresent()) {
            condition = condition.and(AUDIT_LOG.ID.lt(page.longPart(0)));
        }
        List<Entry> items = dsl.selectFrom(AUDIT_LOG).where(condition).orderBy(AUDIT_LOG.ID.desc())
                .limit(page.limit() + 1).fetch(AuditService::entry);
        Json.ok(res, page.body(items, e -> Page.encode(Long.toString(e.id()))));
    }

    private void export(ServerRequest req, ServerResponse res) {
        Condition base = filter(req);
        res.status(Status.OK_200);
        res.header(HeaderNames.CONTENT_TYPE, "application/x-ndjson");
        res.header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"audit.ndjson\"");
        try (OutputStream out = res.outputStream()) {
            long after = 0;
            while (true) {
                List<Entry> batch = dsl.selectFrom(AUDIT_LOG).where(base.and(AUDIT_LOG.ID.gt(after)))
                        .orderBy(AUDIT_LOG.ID).limit(EXPORT_BATCH).fetch(AuditService::entry);
                for (Entry e : batch) {
                    out.write(Json.MAPPER.writeValueAsBytes(e));
                    out.write('\n');
                }
                if (batch.size() < EXPORT_BATCH) {
                    break;
                }
                after = batch.get(batch.size() - 1).id();
            }
        } catch (IOException e) {
            throw new ApiException(Status.INTERNAL_SERVER_ERROR_500, "export_failed", "the export was interrupted");
        }
    }
}
