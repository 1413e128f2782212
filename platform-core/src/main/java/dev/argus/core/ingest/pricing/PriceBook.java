package dev.argus.core.ingest.pricing;

import static dev.argus.core.storage.jooq.Tables.MODEL_PRICES;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.argus.core.storage.jooq.tables.records.ModelPricesRecord;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * The prices in force for each project: the bundled table overridden by the project's own rows in
 * {@code model_prices}. Tables are cached per project for a short time, so an edit on one node
 * reaches the others within {@link #CACHE_TTL}; the node that made the edit sees it at once.
 */
public final class PriceBook {

    /** How long another node may use a project's previous prices after an edit. */
    public static final Duration CACHE_TTL = Duration.ofSeconds(30);

    private final DSLContext dsl;
    private final BundledPrices bundled;
    private final Cache<UUID, PriceTable> tables = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(CACHE_TTL).build();

    public PriceBook(DSLContext dsl, BundledPrices bundled) {
        this.dsl = dsl;
        this.bundled = bundled;
    }

    /** The bundled table's version. */
    public String bundledVersion() {
        return bundled.version();
    }

    /** The bundled prices. */
    public PriceTable bundled() {
        return bundled.table();
    }

    /** The project's overrides only. */
    public List<ModelPrice> overrides(UUID projectId) {
        return dsl.selectFrom(MODEL_PRICES).where(MODEL_PRICES.PROJECT_ID.eq(projectId))
                .orderBy(MODEL_PRICES.PROVIDER, MODEL_PRICES.MODEL, MODEL_PRICES.EFFECTIVE_FROM)
                .fetch(PriceBook::toPrice);
    }

    /** The prices in force for a project. */
    public PriceTable table(UUID projectId) {
        return tables.get(projectId, id -> bundled.table().overriddenBy(overrides(id)));
    }

    /** Stores overrides for a project (replacing same provider, model and date) in one transaction. */
    public void put(UUID projectId, List<ModelPrice> prices) {
        dsl.transaction(tx -> {
            for (ModelPrice p : prices) {
                ModelPricesRecord r = tx.dsl().newRecord(MODEL_PRICES);
                r.setProjectId(projectId);
                r.setProvider(p.provider());
                r.setModel(p.model());
                r.setEffectiveFrom(p.effectiveFrom());
                r.setInputPerMillion(p.inputPerMillion());
                r.setOutputPerMillion(p.outputPerMillion());
                r.setCacheReadPerMillion(p.cacheReadPerMillion());
                r.setCacheWritePerMillion(p.cacheWritePerMillion());
                r.setReasoningPerMillion(p.reasoningPerMillion());
                r.setUpdatedAt(OffsetDateTime.now());
                tx.dsl().insertInto(MODEL_PRICES).set(r)
                        .onConflict(MODEL_PRICES.PROJECT_ID, MODEL_PRICES.PROVIDER, MODEL_PRICES.MODEL,
                                MODEL_PRICES.EFFECTIVE_FROM)
                        .doUpdate().set(r).execute();
            }
        });
        tables.invalidate(projectId);
    }

    private static ModelPrice toPrice(ModelPricesRecord r) {
        return new ModelPrice(r.getProvider(), r.getModel(), r.getEffectiveFrom(), r.getInputPerMillion(),
                r.getOutputPerMillion(), r.getCacheReadPerMillion(), r.getCacheWritePerMillion(),
                r.getReasoningPerMillion());
    }
}
