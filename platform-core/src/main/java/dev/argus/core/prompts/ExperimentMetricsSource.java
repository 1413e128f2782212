package dev.argus.core.prompts;

import java.util.List;
import java.util.UUID;

/**
 * Where live experiment traffic is read from: per-variant samples (or success counts) of a metric
 * over the calls an experiment served. The call-tracking feature (llm_calls and its rollups)
 * implements it; until it is wired in, {@code POST /api/v1/prompts/compare} compares the samples
 * sent in the request through the same {@link PromptComparison}.
 */
public interface ExperimentMetricsSource {

    /** The experiment's data for {@code metric}, one entry per variant in the experiment's order. */
    List<VariantData> read(UUID projectId, Experiment experiment, String metric);
}
