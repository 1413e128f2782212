package dev.argus.core.datasets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.argus.core.server.ApiException;
import dev.argus.core.server.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Dataset items from a request: a JSON array of {@code {"input","reference","metadata"}} objects, CSV
 * with a header row ({@code input}, {@code reference}; every other column becomes a metadata string),
 * or JSON Lines (one such object per line). Problems are 400s naming the item, line or column.
 */
final class ItemUploads {

    private static final Set<String> FIELDS = Set.of("input", "reference", "metadata");

    private ItemUploads() {
    }

    /** Items given as a JSON array under {@code field}. */
    static List<NewItem> fromJson(JsonNode items, String field) {
        if (items == null || !items.isArray()) {
            throw ApiException.badRequest("invalid_request", field + ": must be an array of items");
        }
        checkCount(items.size(), field);
        List<NewItem> result = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            result.add(item(items.get(i), field + "[" + i + "]"));
        }
        return result;
    }

    /** Items of a JSON Lines text: one object per non-blank line. */
    static List<NewItem> fromJsonLines(String text) {
        List<NewItem> result = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = i == 0 && lines[i].startsWith("\uFEFF") ? lines[i].substring(1) : lines[i];
            if (line.isBlank()) {
                continue;
            }
            String at = "line " + (i + 1);
            JsonNode node;
            try {
                node = Json.MAPPER.readTree(line);
            } catch (JsonProcessingException e) {
                throw ApiException.badRequest("invalid_upload", at + ", column " + e.getLocation().getColumnNr()
                        + ": not JSON (" + e.getOriginalMessage() + ")");
            }
            result.add(item(node, at));
            checkCount(result.size(), "the upload");
        }
        return result;
    }

    /** Items of a CSV text with a header row. */
    static List<NewItem> fromCsv(String text) {
        List<CsvRecords.Row> rows;
        try {
            rows = CsvRecords.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_upload", e.getMessage());
        }
        if (rows.isEmpty()) {
            throw ApiException.badRequest("invalid_upload", "line 1: a header row is required (input,reference,…)");
        }
        List<String> header = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        CsvRecords.Row head = rows.get(0);
        for (int c = 0; c < head.fields().size(); c++) {
            String name = head.fields().get(c).strip();
            String column = "line " + head.line() + ", column " + (c + 1);
            if (name.isEmpty()) {
                throw ApiException.badRequest("invalid_upload", column + ": the header names no column");
            }
            String key = FIELDS.contains(name.toLowerCase(Locale.ROOT)) ? name.toLowerCase(Locale.ROOT) : name;
            if (key.equals("metadata")) {
                throw ApiException.badRequest("invalid_upload", column + ": 'metadata' is not a column; every column "
                        + "other than input and reference becomes a metadata key");
            }
            if (!seen.add(key)) {
                throw ApiException.badRequest("invalid_upload", column + ": column '" + name + "' appears twice");
            }
            header.add(key);
        }
        if (!seen.contains("input") && !seen.contains("reference")) {
            throw ApiException.badRequest("invalid_upload", "line " + head.line()
                    + ": the header needs an input or a reference column (got " + header + ")");
        }
        checkCount(rows.size() - 1, "the upload");
        List<NewItem> result = new ArrayList<>();
        for (CsvRecords.Row row : rows.subList(1, rows.size())) {
            if (row.fields().size() != header.size()) {
                throw ApiException.badRequest("invalid_upload", "line " + row.line() + ": " + row.fields().size()
                        + " field(s), but the header has " + header.size() + " columns");
            }
            String input = null;
            String reference = null;
            ObjectNode metadata = Json.MAPPER.createObjectNode();
            for (int c = 0; c < header.size(); c++) {
                String value = row.fields().get(c);
                switch (header.get(c)) {
                    case "input" -> input = value.isEmpty() ? null : value;
                    case "reference" -> reference = value.isEmpty() ? null : value;
                    default -> {
                        if (!value.isEmpty()) {
                            metadata.put(header.get(c), value);
                        }
                    }
                }
            }
            if (input == null && reference == null) {
                throw ApiException.badRequest("invalid_upload", "line " + row.line()
                        + ": the input and reference columns are both empty");
            }
            result.add(new NewItem(input, reference, metadata.toString()));
        }
        return result;
    }

    private static NewItem item(JsonNode item, String at) {
        if (item == null || !item.isObject()) {
            throw ApiException.badRequest("invalid_request", at + ": must be an object");
        }
        for (String name : (Iterable<String>) item::fieldNames) {
            if (!FIELDS.contains(name)) {
                throw ApiException.badRequest("invalid_request", at + "." + name
                        + ": unknown field (items have input, reference, metadata)");
            }
        }
        String input = text(item, "input", at);
        String reference = text(item, "reference", at);
        if (input == null && reference == null) {
            throw ApiException.badRequest("invalid_request", at + ": give an input, a reference or both");
        }
        JsonNode metadata = item.get("metadata");
        if (metadata != null && !metadata.isNull() && !metadata.isObject()) {
            throw ApiException.badRequest("invalid_request", at + ".metadata: must be an object");
        }
        return new NewItem(input, reference, metadata == null || metadata.isNull() ? "{}" : metadata.toString());
    }

    private static String text(JsonNode item, String name, String at) {
        JsonNode value = item.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest("invalid_request", at + "." + name + ": must be a string");
        }
        return value.asText();
    }

    static void checkCount(int count, String field) {
        if (count > DatasetStore.MAX_ITEMS) {
            throw ApiException.badRequest("too_many_items", field + ": at most " + DatasetStore.MAX_ITEMS
                    + " items per dataset");
        }
    }
}
