package dev.argus.core.ingest;

import dev.argus.core.auth.Access;
import dev.argus.core.auth.ApiKeyScope;
import dev.argus.core.auth.Caller;
import dev.argus.core.server.ApiException;
import dev.argus.core.server.ApiRules;
import dev.argus.core.server.ApiService;
import dev.argus.core.server.Json;
import dev.argus.core.storage.jooq.enums.ProjectRole;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/ingest}: a batch {@code {"calls":[…]}} of calls made elsewhere. Answers
 * {@code {"accepted":n,"ids":[…],"duplicates":k,"unpriced_models":[…]}} only after the commit; a full
 * queue or a database failure is a 503 with {@code Retry-After}, and nothing is acknowledged.
 */
public final class IngestService implements ApiService {

    private final CallParser parser = new CallParser();
    private final IngestPipeline pipeline;

    public IngestService(IngestPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public void routes(ApiRules rules) {
        rules.post("/", Access.roleOrKey(ProjectRole.member, ApiKeyScope.INGEST), this::ingest);
    }

    private void ingest(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        List<NewCall> calls = parser.parseBatch(Json.readTree(req));
        IngestPipeline.Receipt receipt;
        try {
            receipt = pipeline.ingest(caller.projectId(), calls);
        } catch (IngestRejectedException e) {
            throw switch (e.reason()) {
                case QUEUE_FULL -> unavailable("ingest_queue_full",
                        "the ingest queue is full; retry after the Retry-After delay", "1");
                case SHUTTING_DOWN -> unavailable("shutting_down", "the server is shutting down; retry on another node", "2");
                case STORE_UNAVAILABLE -> unavailable("store_unavailable",
                        "the database did not commit the calls; nothing was stored, retry later", "2");
                case DATA_REJECTED -> new ApiException(Status.create(422, "Unprocessable Content"), "rejected_by_store",
                        "the database refused these calls; nothing was stored: " + e.getMessage());
            };
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accepted", receipt.ids().size());
        body.put("ids", receipt.ids());
        body.put("duplicates", receipt.duplicates());
        body.put("unpriced_models", receipt.unpricedModels());
        Json.ok(res, body);
    }

    private static ApiException unavailable(String code, String message, String retryAfterSeconds) {
        return new ApiException(Status.SERVICE_UNAVAILABLE_503, code, message, Map.of(),
                Map.of("Retry-After", retryAfterSeconds));
    }
}
