package dev.argus.core.otlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.argus.core.server.Json;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads the OTLP protobuf encoding (what the OpenTelemetry SDKs send by default) into the tree of
 * the OTLP JSON encoding, so one mapping ({@link OtlpJsonSpans}) serves both: ids become lower-case
 * hex, 64-bit integers decimal strings, bytes base64 — as the OTLP specification's JSON mapping says.
 */
final class OtlpProtobuf {

    private static final HexFormat HEX = HexFormat.of();

    private OtlpProtobuf() {
    }

    /**
     * @throws IllegalArgumentException when the bytes are not an {@code ExportTraceServiceRequest}
     */
    static JsonNode toJson(byte[] body) {
        ExportTraceServiceRequest request;
        try {
            request = ExportTraceServiceRequest.parseFrom(body);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("body: not an OTLP ExportTraceServiceRequest in protobuf ("
                    + e.getMessage() + ")");
        }
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode resourceSpans = root.putArray("resourceSpans");
        for (ResourceSpans rs : request.getResourceSpansList()) {
            ObjectNode r = resourceSpans.addObject();
            attributes(r.putObject("resource"), rs.getResource().getAttributesList());
            ArrayNode scopes = r.putArray("scopeSpans");
            for (ScopeSpans ss : rs.getScopeSpansList()) {
                ObjectNode s = scopes.addObject();
                s.putObject("scope").put("name", ss.getScope().getName()).put("version", ss.getScope().getVersion());
                ArrayNode spans = s.putArray("spans");
                ss.getSpansList().forEach(span -> spans.add(span(span)));
            }
        }
        return root;
    }

    private static ObjectNode span(Span span) {
        ObjectNode s = Json.MAPPER.createObjectNode();
        s.put("traceId", hex(span.getTraceId()));
        s.put("spanId", hex(span.getSpanId()));
        s.put("parentSpanId", hex(span.getParentSpanId()));
        s.put("name", span.getName());
        s.put("kind", span.getKindValue());
        s.put("startTimeUnixNano", Long.toUnsignedString(span.getStartTimeUnixNano()));
        s.put("endTimeUnixNano", Long.toUnsignedString(span.getEndTimeUnixNano()));
        attributes(s, span.getAttributesList());
        ArrayNode events = s.putArray("events");
        for (Span.Event event : span.getEventsList()) {
            ObjectNode e = events.addObject();
            e.put("name", event.getName());
            e.put("timeUnixNano", Long.toUnsignedString(event.getTimeUnixNano()));
            attributes(e, event.getAttributesList());
        }
        ObjectNode status = s.putObject("status");
        status.put("code", span.getStatus().getCodeValue());
        status.put("message", span.getStatus().getMessage());
        return s;
    }

    private static void attributes(ObjectNode owner, List<KeyValue> attributes) {
        ArrayNode list = owner.putArray("attributes");
        for (KeyValue kv : attributes) {
            list.addObject().put("key", kv.getKey()).set("value", value(kv.getValue()));
        }
    }

    private static ObjectNode value(AnyValue v) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        switch (v.getValueCase()) {
            case STRING_VALUE -> node.put("stringValue", v.getStringValue());
            case BOOL_VALUE -> node.put("boolValue", v.getBoolValue());
            case INT_VALUE -> node.put("intValue", Long.toString(v.getIntValue()));
            case DOUBLE_VALUE -> node.put("doubleValue", v.getDoubleValue());
            case BYTES_VALUE -> node.put("bytesValue", Base64.getEncoder().encodeToString(v.getBytesValue().toByteArray()));
            case ARRAY_VALUE -> {
                ArrayNode values = node.putObject("arrayValue").putArray("values");
                v.getArrayValue().getValuesList().forEach(item -> values.add(value(item)));
            }
            case KVLIST_VALUE -> {
                ArrayNode values = node.putObject("kvlistValue").putArray("values");
                v.getKvlistValue().getValuesList().forEach(kv -> values.addObject().put("key", kv.getKey())
                        .set("value", value(kv.getValue())));
            }
            default -> { // unset: an empty AnyValue, as in JSON
            }
        }
        return node;
    }

    private static String hex(ByteString bytes) {
        return HEX.formatHex(bytes.toByteArray());
    }
}
