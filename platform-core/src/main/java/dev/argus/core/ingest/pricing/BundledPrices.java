package dev.argus.core.ingest.pricing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The price table shipped with Argus ({@code prices.json} beside this class), versioned by date.
 * Prices are decimal strings so they load exactly.
 *
 * @param version the table's version (the date it was checked)
 * @param table   the prices
 */
public record BundledPrices(String version, PriceTable table) {

    /** Loads the bundled table. */
    public static BundledPrices load() {
        try (InputStream in = BundledPrices.class.getResourceAsStream("prices.json")) {
            if (in == null) {
                throw new IllegalStateException("prices.json is missing from the class path");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            List<ModelPrice> prices = new ArrayList<>();
            for (JsonNode p : root.path("prices")) {
                prices.add(new ModelPrice(p.path("provider").asText(), p.path("model").asText(),
                        LocalDate.parse(p.path("effective_from").asText()), decimal(p, "input_per_million"),
                        decimal(p, "output_per_million"), decimal(p, "cache_read_per_million"),
                        decimal(p, "cache_write_per_million"), decimal(p, "reasoning_per_million")));
            }
            return new BundledPrices(root.path("version").asText(), new PriceTable(prices));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled price table", e);
        }
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : new BigDecimal(value.asText());
    }
}
