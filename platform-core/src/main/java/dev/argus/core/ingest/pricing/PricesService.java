package dev.argus.core.ingest.pricing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.argus.core.auth.Access;
import dev.argus.core.auth.ApiKeyScope;
import dev.argus.core.auth.Caller;
import dev.argus.core.server.ApiException;
import dev.argus.core.server.ApiRules;
import dev.argus.core.server.ApiService;
import dev.argus.core.server.Json;
import dev.argus.core.storage.jooq.enums.ProjectRole;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/v1/prices} (the prices in force for the project, bundled and custom),
 * {@code PUT /api/v1/prices} (add or replace custom prices) and {@code POST /api/v1/prices/import}
 * (a LiteLLM {@code model_prices_and_context_window.json}). Changing prices needs admin; calls
 * already stored keep the cost computed when they were ingested.
 */
public final class PricesService implements ApiService {

    private static final Set<String> PRICE_FIELDS = Set.of("provider", "model", "effective_from", "input_per_million",
            "output_per_million", "cache_read_per_million", "cache_write_per_million", "reasoning_per_million");

    private final PriceBook book;

    public PricesService(PriceBook book) {
        this.book = book;
    }

    @Override
    public void routes(ApiRules rules) {
        rules.get("/", Access.roleOrKey(ProjectRole.viewer, ApiKeyScope.READ), this::list);
        rules.put("/", Access.role(ProjectRole.admin), this::put);
        rules.post("/import", Access.role(ProjectRole.admin), this::importLiteLlm);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        Json.ok(res, body(caller));
    }

    private Map<String, Object> body(Caller caller) {
        List<ModelPrice> custom = book.overrides(caller.projectId());
        Set<String> customKeys = new HashSet<>();
        custom.forEach(p -> customKeys.add(p.provider() + "\u0000" + p.model() + "\u0000" + p.effectiveFrom()));
        List<Map<String, Object>> items = new ArrayList<>();
        List<ModelPrice> all = new ArrayList<>(book.bundled().overriddenBy(custom).prices());
        all.sort(Comparator.comparing(ModelPrice::provider).thenComparing(ModelPrice::model)
                .thenComparing(ModelPrice::effectiveFrom));
        for (ModelPrice p : all) {
            boolean isCustom = customKeys.contains(p.provider() + "\u0000" + p.model() + "\u0000" + p.effectiveFrom());
            items.add(view(p, isCustom ? "custom" : "bundled"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("bundled_version", book.bundledVersion());
        body.put("currency", "USD");
        body.put("unit", "per 1M tokens");
        body.put("items", items);
        body.put("next_cursor", null);
        return body;
    }

    private void put(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        JsonNode root = Json.readTree(req);
        JsonNode prices = root.get("prices");
        if (!root.isObject() || prices == null || !prices.isArray() || prices.isEmpty()) {
            throw ApiException.badRequest("invalid_prices", "prices: required, a non-empty array of prices");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("prices")) {
                throw ApiException.badRequest("invalid_prices", name + ": unknown field");
            }
        }
        if (prices.size() > 5000) {
            throw ApiException.badRequest("invalid_prices", "prices: at most 5000 entries per request");
        }
        List<ModelPrice> parsed = new ArrayList<>();
        for (int i = 0; i < prices.size(); i++) {
            parsed.add(parse(prices.get(i), "prices[" + i + "]"));
        }
        book.put(caller.projectId(), parsed);
        Json.ok(res, body(caller));
    }

    private void importLiteLlm(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        LocalDate effectiveFrom = req.query().first("effective_from").map(v -> date(v, "effective_from"))
                .orElse(LocalDate.now(ZoneOffset.UTC));
        Set<String> providers = req.query().first("providers")
                .map(v -> Set.copyOf(Arrays.asList(v.split(",")))).orElse(Set.of());
        JsonNode root = Json.readTree(req);
        List<ModelPrice> imported;
        try {
            imported = LiteLlmPrices.read(root, effectiveFrom, providers);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_prices", e.getMessage());
        }
        if (imported.isEmpty()) {
            throw ApiException.badRequest("invalid_prices", "the file holds no chat model with token prices");
        }
        book.put(caller.projectId(), imported);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("imported", imported.size());
        body.put("effective_from", effectiveFrom.toString());
        Json.ok(res, body);
    }

    private static ModelPrice parse(JsonNode node, String path) {
        if (!node.isObject()) {
            throw ApiException.badRequest("invalid_prices", path + ": must be an object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!PRICE_FIELDS.contains(name)) {
                throw ApiException.badRequest("invalid_prices", path + "." + name + ": unknown field");
            }
        }
        String provider = text(node, "provider", path);
        String model = text(node, "model", path);
        LocalDate from = node.hasNonNull("effective_from") ? date(node.get("effective_from").asText(), path + ".effective_from")
                : LocalDate.now(ZoneOffset.UTC);
        BigDecimal input = decimal(node, "input_per_million", path, true);
        BigDecimal output = decimal(node, "output_per_million", path, true);
        return new ModelPrice(provider, model, from, input, output, decimal(node, "cache_read_per_million", path, false),
                decimal(node, "cache_write_per_million", path, false), decimal(node, "reasoning_per_million", path, false));
    }

    private static String text(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.textValue().isBlank() || value.textValue().length() > 200) {
            throw ApiException.badRequest("invalid_prices", path + "." + field + ": required, a non-empty string");
        }
        return value.textValue();
    }

    private static BigDecimal decimal(JsonNode node, String field, String path, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw ApiException.badRequest("invalid_prices", path + "." + field + ": required, USD per 1M tokens");
            }
            return null;
        }
        BigDecimal decimal;
        try {
            decimal = value.isNumber() ? value.decimalValue() : value.isTextual() ? new BigDecimal(value.textValue()) : null;
        } catch (NumberFormatException e) {
            decimal = null;
        }
        if (decimal == null || decimal.signum() < 0 || decimal.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
            throw ApiException.badRequest("invalid_prices", path + "." + field + ": must be a non-negative number of USD per 1M tokens");
        }
        return decimal;
    }

    private static LocalDate date(String value, String field) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid_prices", field + ": must be a date such as 2026-11-28");
        }
    }

    private static Map<String, Object> view(ModelPrice p, String source) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("provider", p.provider());
        m.put("model", p.model());
        m.put("effective_from", p.effectiveFrom().toString());
        m.put("input_per_million", p.inputPerMillion());
        m.put("output_per_million", p.outputPerMillion());
        m.put("cache_read_per_million", p.cacheReadPerMillion());
        m.put("cache_write_per_million", p.cacheWritePerMillion());
        m.put("reasoning_per_million", p.reasoningPerMillion());
        m.put("source", source);
        return m;
    }
}
