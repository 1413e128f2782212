package dev.argus.core.analytics;

import dev.argus.core.auth.Access;
import dev.argus.core.auth.ApiKeyScope;
import dev.argus.core.auth.Caller;
import dev.argus.core.ingest.GroupCommitWriter;
import dev.argus.core.plugins.PluginHost;
import dev.argus.core.plugins.PluginStatus;
import dev.argus.core.server.ApiRules;
import dev.argus.core.server.ApiService;
import dev.argus.core.storage.jooq.enums.ProjectRole;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * {@code GET /metrics} in the Prometheus text exposition format 0.0.4: the node's own metrics (ingest
 * counters and queue depth, plugin calls and faults, JVM memory, threads and GC) and the caller's
 * project's LLM metrics over the last {@link #WINDOW} (requests, errors, tokens, cost and latency
 * quantiles per provider and model, from the minute rollups) plus the latest rate-limit headroom.
 * Scrapers authenticate with an API key of READ scope ({@code Authorization: Bearer sk-...}).
 */
public final class PrometheusService implements ApiService {

    /** The window the per-model gauges cover. */
    static final Duration WINDOW = Duration.ofMinutes(5);

    private final GroupCommitWriter writer;
    private final PluginHost plugins;
    private final RollupReader rollups;
    private final RateLimitHeadroom headroom;
    private final Clock clock;
    private final PrometheusRegistry jvm = new PrometheusRegistry();
    private final PrometheusTextFormatWriter format = PrometheusTextFormatWriter.create();

    public PrometheusService(GroupCommitWriter writer, PluginHost plugins, RollupReader rollups,
                             RateLimitHeadroom headroom, Clock clock) {
        this.writer = writer;
        this.plugins = plugins;
        this.rollups = rollups;
        this.headroom = headroom;
        this.clock = clock;
        JvmMetrics.builder().register(jvm);
    }

    @Override
    public void routes(ApiRules rules) {
        rules.get("/", Access.roleOrKey(ProjectRole.viewer, ApiKeyScope.READ), this::scrape);
    }

    private void scrape(ServerRequest req, ServerResponse res) {
        UUID project = Caller.of(req).projectId();
        List<MetricSnapshot> all = new ArrayList<>();
        jvm.scrape().forEach(all::add);
        all.addAll(ingest());
        all.addAll(plugins());
        all.addAll(llm(project));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            format.write(out, new MetricSnapshots(all));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        res.header(HeaderNames.CONTENT_TYPE, PrometheusTextFormatWriter.CONTENT_TYPE);
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.send(out.toByteArray());
    }

    private List<MetricSnapshot> ingest() {
        GroupCommitWriter.Stats s = writer.stats();
        return List.of(
                counter("argus_ingest_calls_committed", "Calls in ingest batches that committed", s.committedCalls()),
                counter("argus_ingest_calls_rejected", "Calls refused because the ingest queue was full", s.rejectedCalls()),
                counter("argus_ingest_calls_failed", "Calls whose batch could not be stored", s.failedCalls()),
                counter("argus_ingest_batches", "Ingest store transactions attempted", s.batches()),
                counter("argus_ingest_commit_seconds", "Time spent in ingest store transactions", s.commitSeconds()),
                gauge("argus_ingest_queue_depth", "Calls waiting for the ingest writer", s.queuedCalls()));
    }

    private List<MetricSnapshot> plugins() {
        var up = GaugeSnapshot.builder().name("argus_plugin_extension_active")
                .help("1 when a plugin extension is active, 0 when misconfigured or suspended");
        var calls = CounterSnapshot.builder().name("argus_plugin_extension_calls").help("Calls into a plugin extension");
        var faults = CounterSnapshot.builder().name("argus_plugin_extension_faults")
                .help("Calls into a plugin extension that failed unexpectedly or timed out");
        var timeouts = CounterSnapshot.builder().name("argus_plugin_extension_timeouts")
                .help("Calls into a plugin extension abandoned for taking too long");
        for (PluginStatus p : plugins.statuses()) {
            for (PluginStatus.ExtensionStatus e : p.extensions()) {
                Labels labels = Labels.of("plugin", p.id(), "extension", e.id(), "kind", e.kind());
                up.dataPoint(GaugeDataPointSnapshot.builder().labels(labels).value("active".equals(e.state()) ? 1 : 0).build());
                calls.dataPoint(CounterDataPointSnapshot.builder().labels(labels).value(e.calls()).build());
                faults.dataPoint(CounterDataPointSnapshot.builder().labels(labels).value(e.faults()).build());
                timeouts.dataPoint(CounterDataPointSnapshot.builder().labels(labels).value(e.timeouts()).build());
            }
        }
        return List.of(up.build(), calls.build(), faults.build(), timeouts.build());
    }

    private List<MetricSnapshot> llm(UUID project) {
        Instant to = clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        AnalyticsFilter window = new AnalyticsFilter(to.minus(WINDOW), to, null, null, null);
        Map<List<String>, RollupSums> byModel = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        for (RollupRow row : rollups.rows(project, window)) {
            byModel.computeIfAbsent(List.of(row.provider(), row.model()), k -> new RollupSums()).add(row);
        }
        String w = " over the last " + WINDOW.toMinutes() + " minutes";
        var requests = GaugeSnapshot.builder().name("argus_llm_requests_5m").help("LLM calls" + w);
        var errors = GaugeSnapshot.builder().name("argus_llm_errors_5m").help("Failed LLM calls" + w);
        var tokensIn = GaugeSnapshot.builder().name("argus_llm_input_tokens_5m").help("Input tokens" + w);
        var tokensOut = GaugeSnapshot.builder().name("argus_llm_output_tokens_5m").help("Output tokens" + w);
        var cost = GaugeSnapshot.builder().name("argus_llm_cost_usd_5m").help("Cost in US dollars" + w);
        var latency = GaugeSnapshot.builder().name("argus_llm_latency_seconds_5m")
                .help("Latency quantiles from the rollup histogram" + w);
        byModel.forEach((key, s) -> {
            Labels labels = Labels.of("provider", key.get(0), "model", key.get(1));
            requests.dataPoint(point(labels, s.calls));
            errors.dataPoint(point(labels, s.errorCalls));
            tokensIn.dataPoint(point(labels, s.inputTokens));
            tokensOut.dataPoint(point(labels, s.outputTokens));
            cost.dataPoint(point(labels, s.costUsd.doubleValue()));
            for (double q : new double[] {0.5, 0.95, 0.99}) {
                Double ms = s.latencyQuantile(q);
                if (ms != null) {
                    latency.dataPoint(point(labels.add("quantile", Double.toString(q)), ms / 1000));
                }
            }
        });
        var remaining = GaugeSnapshot.builder().name("argus_llm_ratelimit_remaining")
                .help("Latest remaining requests or tokens reported by the provider in the last hour");
        Instant now = clock.instant();
        for (Map<String, Object> item : headroom.latest(project, now.minus(Duration.ofHours(1)), now.plusSeconds(60))) {
            for (String kind : List.of("requests", "tokens")) {
                if (item.get(kind + "_remaining") instanceof Number n) {
                    remaining.dataPoint(point(Labels.of("provider", (String) item.get("provider"), "model",
                            (String) item.get("model"), "kind", kind), n.doubleValue()));
                }
            }
        }
        return List.of(requests.build(), errors.build(), tokensIn.build(), tokensOut.build(), cost.build(),
                latency.build(), remaining.build());
    }

    private static GaugeDataPointSnapshot point(Labels labels, double value) {
        return GaugeDataPointSnapshot.builder().labels(labels).value(value).build();
    }

    private static CounterSnapshot counter(String name, String help, double value) {
        return CounterSnapshot.builder().name(name).help(help)
                .dataPoint(CounterDataPointSnapshot.builder().value(value).build()).build();
    }

    private static GaugeSnapshot gauge(String name, String help, double value) {
        return GaugeSnapshot.builder().name(name).help(help)
                .dataPoint(GaugeDataPointSnapshot.builder().value(value).build()).build();
    }
}
