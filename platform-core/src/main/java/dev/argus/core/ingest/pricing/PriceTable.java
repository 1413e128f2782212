package dev.argus.core.ingest.pricing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable set of prices with lookup by provider, model and day: the entry for the exact model
 * with the latest effective date not after the day, else the provider's {@code *} entry. Never
 * guesses from similar model names.
 */
public final class PriceTable {

    private final List<ModelPrice> prices;
    private final Map<String, List<ModelPrice>> byKey = new HashMap<>();

    public PriceTable(List<ModelPrice> prices) {
        this.prices = List.copyOf(prices);
        for (ModelPrice price : prices) {
            byKey.computeIfAbsent(key(price.provider(), price.model()), k -> new ArrayList<>()).add(price);
        }
        byKey.values().forEach(list -> list.sort(Comparator.comparing(ModelPrice::effectiveFrom).reversed()));
    }

    /** Every entry. */
    public List<ModelPrice> prices() {
        return prices;
    }

    /** The price that applies to a call of {@code model} on {@code day}. */
    public Optional<ModelPrice> find(String provider, String model, LocalDate day) {
        return latest(key(provider, model), day).or(() -> latest(key(provider, "*"), day));
    }

    private Optional<ModelPrice> latest(String key, LocalDate day) {
        List<ModelPrice> list = byKey.get(key);
        if (list == null) {
            return Optional.empty();
        }
        return list.stream().filter(p -> !p.effectiveFrom().isAfter(day)).findFirst();
    }

    /** This table with {@code overrides} replacing entries of the same provider, model and date. */
    public PriceTable overriddenBy(List<ModelPrice> overrides) {
        if (overrides.isEmpty()) {
            return this;
        }
        Map<String, ModelPrice> merged = new java.util.LinkedHashMap<>();
        for (ModelPrice p : prices) {
            merged.put(key(p.provider(), p.model()) + "\u0000" + p.effectiveFrom(), p);
        }
        for (ModelPrice p : overrides) {
            merged.put(key(p.provider(), p.model()) + "\u0000" + p.effectiveFrom(), p);
        }
        return new PriceTable(new ArrayList<>(merged.values()));
    }

    private static String key(String provider, String model) {
        return provider + "\u0000" + model;
    }
}
