package dev.argus.core.otlp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.argus.core.auth.Access;
import dev.argus.core.auth.ApiKeyScope;
import dev.argus.core.auth.Caller;
import dev.argus.core.ingest.CallParser;
import dev.argus.core.ingest.IngestPipeline;
import dev.argus.core.ingest.IngestRejectedException;
import dev.argus.core.ingest.NewCall;
import dev.argus.core.server.ApiException;
import dev.argus.core.server.ApiRules;
import dev.argus.core.server.ApiService;
import dev.argus.core.server.Json;
import dev.argus.core.server.RequestBodies;
import dev.argus.core.storage.jooq.enums.ProjectRole;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /v1/traces}: the OTLP/HTTP trace receiver, protobuf ({@code application/x-protobuf}, the
 * SDKs' default) or JSON, optionally gzip-compressed. GenAI spans become calls; the answer — an
 * {@code ExportTraceServiceResponse} in the request's encoding, with {@code partialSuccess} when
 * spans were rejected — comes after the commit.
 */
public final class OtlpTraceService implements ApiService {

    /** Largest body after gzip decompression; a bigger one is refused rather than inflated. */
    static final int MAX_DECOMPRESSED_BYTES = 64 * 1024 * 1024;

    private final IngestPipeline pipeline;

    public OtlpTraceService(IngestPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public void routes(ApiRules rules) {
        rules.post("/", Access.roleOrKey(ProjectRole.member, ApiKeyScope.INGEST), this::export);
    }

    private void export(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        String contentType = req.headers().first(HeaderNames.CONTENT_TYPE).orElse("application/json")
                .toLowerCase(Locale.ROOT);
        boolean protobuf = contentType.startsWith("application/x-protobuf");
        if (!protobuf && !contentType.startsWith("application/json")) {
            throw new ApiException(Status.UNSUPPORTED_MEDIA_TYPE_415, "unsupported_media_type",
                    "Content-Type: this receiver accepts application/x-protobuf and application/json (the OTLP "
                            + "encodings), got " + contentType);
        }
        byte[] body = RequestBodies.bounded(req, MAX_DECOMPRESSED_BYTES);
        OtlpJsonSpans.Mapped mapped;
        try {
            mapped = OtlpJsonSpans.map(protobuf ? OtlpProtobuf.toJson(body) : json(body));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_otlp", e.getMessage());
        }
        List<NewCall> calls = mapped.calls();
        try {
            for (int from = 0; from < calls.size(); from += CallParser.MAX_BATCH) {
                pipeline.ingest(caller.projectId(), calls.subList(from, Math.min(calls.size(), from + CallParser.MAX_BATCH)));
            }
        } catch (IngestRejectedException e) {
            if (e.reason() == IngestRejectedException.Reason.DATA_REJECTED) {
                throw ApiException.badRequest("rejected_by_store", "the database refused these spans: " + e.getMessage());
            }
            throw new ApiException(Status.SERVICE_UNAVAILABLE_503, "unavailable",
                    "the spans were not stored; retry later", Map.of(), Map.of("Retry-After", "2"));
        }
        if (protobuf) {
            ExportTraceServiceResponse.Builder answer = ExportTraceServiceResponse.newBuilder();
            if (mapped.rejected() > 0) {
                answer.setPartialSuccess(ExportTracePartialSuccess.newBuilder().setRejectedSpans(mapped.rejected())
                        .setErrorMessage(mapped.problem()));
            }
            res.header(HeaderNames.CONTENT_TYPE, "application/x-protobuf");
            res.send(answer.build().toByteArray());
            return;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        if (mapped.rejected() > 0) {
            answer.put("partialSuccess", Map.of("rejectedSpans", mapped.rejected(), "errorMessage", mapped.problem()));
        }
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(Json.MAPPER.getNodeFactory().objectNode().setAll(toNodes(answer)).toString());
    }

    private static JsonNode json(byte[] body) {
        try {
            return body.length == 0 ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw ApiException.badRequest("invalid_json", "body: not valid JSON (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static Map<String, JsonNode> toNodes(Map<String, Object> answer) {
        Map<String, JsonNode> nodes = new LinkedHashMap<>();
        answer.forEach((k, v) -> nodes.put(k, Json.MAPPER.valueToTree(v)));
        return nodes;
    }
}
