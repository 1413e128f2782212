package dev.argus.core.live;

import dev.argus.core.ingest.BatchListener;
import dev.argus.core.ingest.LatencyHistogram;
import dev.argus.core.ingest.NewCall;
import dev.argus.core.ingest.PricedCall;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Turns each committed ingest batch into live deltas, one per project, provider and model. */
public final class LiveIngestListener implements BatchListener {

    private final LiveFeed feed;

    public LiveIngestListener(LiveFeed feed) {
        this.feed = feed;
    }

    @Override
    public void beforeCommit(org.jooq.DSLContext tx, List<PricedCall> stored) {
        for (LiveDelta delta : deltas(stored)) {
            feed.notifyInTransaction(tx, delta);
        }
    }

    @Override
    public void afterCommit(List<PricedCall> stored) {
        for (LiveDelta delta : deltas(stored)) {
            feed.publishCommitted(delta);
        }
    }

    private record Key(UUID projectId, String provider, String model) {
    }

    static List<LiveDelta> deltas(List<PricedCall> stored) {
        Map<Key, List<PricedCall>> groups = new LinkedHashMap<>();
        for (PricedCall call : stored) {
            groups.computeIfAbsent(new Key(call.projectId(), call.call().provider(), call.call().model()),
                    k -> new ArrayList<>()).add(call);
        }
        List<LiveDelta> deltas = new ArrayList<>();
        groups.forEach((key, calls) -> {
            Map<String, Long> errors = new TreeMap<>();
            BigDecimal cost = BigDecimal.ZERO;
            long in = 0;
            long out = 0;
            long[] histogram = new long[LatencyHistogram.BUCKETS];
            List<CallSummary> recent = new ArrayList<>();
            for (PricedCall p : calls) {
                NewCall c = p.call();
                if (c.errorCategory() != null) {
                    errors.merge(c.errorCategory().wireName(), 1L, Long::sum);
                }
                if (p.costUsd() != null) {
                    cost = cost.add(p.costUsd());
                }
                in += c.usage().totalInputTokens();
                out += c.usage().outputTokens();
                LatencyHistogram.addInto(histogram, LatencyHistogram.of(c.latencyMs()));
                recent.add(new CallSummary(c.id(), c.provider(), c.model(), c.status(), c.latencyMs(), p.costUsd(),
                        c.startedAt()));
            }
            deltas.add(new LiveDelta(key.projectId(), key.provider(), key.model(), calls.size(), errors, cost, in, out,
                    Arrays.stream(histogram).boxed().toList(), recent));
        });
        return deltas;
    }
}
