package dev.argus.core.ingest.pricing;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads LiteLLM's {@code model_prices_and_context_window.json}: an object of model name to
 * {@code input_cost_per_token}, {@code output_cost_per_token}, {@code cache_read_input_token_cost},
 * {@code cache_creation_input_token_cost}, {@code output_cost_per_reasoning_token} and
 * {@code litellm_provider}. Per-token prices become per-million prices exactly (decimal shift).
 * Entries without token prices (images, audio, the {@code sample_spec}) are skipped.
 */
public final class LiteLlmPrices {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    /** LiteLLM provider names that differ from Argus provider ids. */
    private static final Map<String, String> PROVIDERS = Map.of("text-completion-openai", "openai",
            "ollama_chat", "ollama");
    private static final Set<String> MODES = Set.of("chat", "completion", "responses");

    private LiteLlmPrices() {
    }

    /**
     * The prices in a LiteLLM file, effective from {@code effectiveFrom}.
     *
     * @param providers when not empty, only these Argus provider ids are imported
     */
    public static List<ModelPrice> read(JsonNode root, LocalDate effectiveFrom, Set<String> providers) {
        if (!root.isObject()) {
            throw new IllegalArgumentException("a LiteLLM price file is a JSON object of model name to prices");
        }
        List<ModelPrice> result = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode spec = entry.getValue();
            if (entry.getKey().equals("sample_spec") || !spec.isObject()) {
                continue;
            }
            String mode = spec.path("mode").asText("chat");
            BigDecimal input = perMillion(spec, "input_cost_per_token");
            BigDecimal output = perMillion(spec, "output_cost_per_token");
            String litellmProvider = spec.path("litellm_provider").asText("");
            if (!MODES.contains(mode) || input == null || output == null || litellmProvider.isEmpty()) {
                continue;
            }
            String provider = PROVIDERS.getOrDefault(litellmProvider, litellmProvider);
            if (!providers.isEmpty() && !providers.contains(provider)) {
                continue;
            }
            String model = entry.getKey();
            int slash = model.indexOf('/');
            if (slash > 0 && (model.substring(0, slash).equals(litellmProvider)
                    || model.substring(0, slash).equals(provider))) {
                model = model.substring(slash + 1);
            }
            result.add(new ModelPrice(provider, model, effectiveFrom, input, output,
                    perMillion(spec, "cache_read_input_token_cost"), perMillion(spec, "cache_creation_input_token_cost"),
                    perMillion(spec, "output_cost_per_reasoning_token")));
        }
        return result;
    }

    private static BigDecimal perMillion(JsonNode spec, String field) {
        JsonNode value = spec.get(field);
        if (value == null || !value.isNumber()) {
            return null;
        }
        return value.decimalValue().multiply(MILLION).stripTrailingZeros();
    }
}
