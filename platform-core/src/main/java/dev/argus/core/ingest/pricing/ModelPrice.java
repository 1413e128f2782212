package dev.argus.core.ingest.pricing;

import dev.argus.api.Usage;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The price of one model from a date on, in US dollars per one million tokens.
 *
 * @param provider             provider id
 * @param model                model name, or {@code *} for every model of the provider
 * @param effectiveFrom        first day (UTC) the price applies
 * @param inputPerMillion      uncached input tokens
 * @param outputPerMillion     output tokens
 * @param cacheReadPerMillion  input tokens read from the prompt cache; {@code null} = input price
 * @param cacheWritePerMillion input tokens written to the prompt cache; {@code null} = input price
 * @param reasoningPerMillion  reasoning tokens; {@code null} = output price
 */
public record ModelPrice(String provider, String model, LocalDate effectiveFrom, BigDecimal inputPerMillion,
                         BigDecimal outputPerMillion, BigDecimal cacheReadPerMillion,
                         BigDecimal cacheWritePerMillion, BigDecimal reasoningPerMillion) {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    /** Requires the identifying fields and the two base prices; rejects negative prices. */
    public ModelPrice {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(effectiveFrom, "effective_from");
        Objects.requireNonNull(inputPerMillion, "input_per_million");
        Objects.requireNonNull(outputPerMillion, "output_per_million");
        for (BigDecimal price : new BigDecimal[] {inputPerMillion, outputPerMillion, cacheReadPerMillion,
                cacheWritePerMillion, reasoningPerMillion}) {
            if (price != null && price.signum() < 0) {
                throw new IllegalArgumentException("prices must not be negative");
            }
        }
    }

    /**
     * The exact cost of a call: uncached input, cache reads, cache writes, output without reasoning,
     * and reasoning tokens, each at its own price.
     */
    public BigDecimal cost(Usage usage) {
        BigDecimal cacheRead = cacheReadPerMillion != null ? cacheReadPerMillion : inputPerMillion;
        BigDecimal cacheWrite = cacheWritePerMillion != null ? cacheWritePerMillion : inputPerMillion;
        BigDecimal reasoning = reasoningPerMillion != null ? reasoningPerMillion : outputPerMillion;
        long visibleOutput = usage.outputTokens() - usage.reasoningTokens();
        BigDecimal perMillion = inputPerMillion.multiply(BigDecimal.valueOf(usage.inputTokens()))
                .add(cacheRead.multiply(BigDecimal.valueOf(usage.cacheReadInputTokens())))
                .add(cacheWrite.multiply(BigDecimal.valueOf(usage.cacheWriteInputTokens())))
                .add(outputPerMillion.multiply(BigDecimal.valueOf(visibleOutput)))
                .add(reasoning.multiply(BigDecimal.valueOf(usage.reasoningTokens())));
        // dividing by 10^6 is exact in decimal; stripping keeps the scale small
        BigDecimal cost = perMillion.divide(MILLION, MathContext.UNLIMITED).stripTrailingZeros();
        return cost.scale() < 0 ? cost.setScale(0) : cost;
    }
}
