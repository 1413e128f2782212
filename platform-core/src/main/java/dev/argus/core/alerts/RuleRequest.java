package dev.argus.core.alerts;

import dev.argus.core.server.ApiException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The body of {@code POST} and {@code PUT /api/v1/alerts/rules}. */
record RuleRequest(String name, String metric, String provider, String model, String promptName,
                   Integer windowSeconds, String comparator, Double threshold, Integer forSeconds,
                   Integer cooldownSeconds, String severity, List<UUID> channelIds, Boolean enabled) {

    static final Set<String> SEVERITIES = Set.of("info", "warning", "critical");

    /** Checks every field; the first problem is a 400 naming the field. */
    RuleRequest validated() {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw invalid("name", "required, 1 to 200 characters");
        }
        if (metric == null || AlertMetric.of(metric).isEmpty()) {
            throw invalid("metric", "required, one of " + AlertMetric.names());
        }
        if (windowSeconds == null || windowSeconds < 60 || windowSeconds > 7 * 86_400 || windowSeconds % 60 != 0) {
            throw invalid("window_seconds", "required, a whole number of minutes from 60 to 604800");
        }
        if (comparator == null || Comparison.of(comparator).isEmpty()) {
            throw invalid("comparator", "required, one of gt, gte, lt, lte");
        }
        if (threshold == null || threshold.isNaN() || threshold.isInfinite()) {
            throw invalid("threshold", "required, a finite number");
        }
        if (forSeconds != null && (forSeconds < 0 || forSeconds > 86_400)) {
            throw invalid("for_seconds", "must be from 0 to 86400");
        }
        if (cooldownSeconds != null && (cooldownSeconds < 0 || cooldownSeconds > 7 * 86_400)) {
            throw invalid("cooldown_seconds", "must be from 0 to 604800");
        }
        if (severity == null || !SEVERITIES.contains(severity)) {
            throw invalid("severity", "required, one of info, warning, critical");
        }
        for (String filter : new String[] {provider, model, promptName}) {
            if (filter != null && (filter.isBlank() || filter.length() > 200)) {
                throw invalid("provider/model/prompt_name", "filters must be 1 to 200 characters when given");
            }
        }
        if (channelIds != null && (channelIds.size() > 20 || channelIds.contains(null))) {
            throw invalid("channel_ids", "at most 20 channel ids");
        }
        return this;
    }

    List<UUID> channels() {
        return channelIds == null ? List.of() : List.copyOf(Set.copyOf(channelIds));
    }

    private static ApiException invalid(String field, String message) {
        return ApiException.badRequest("invalid_request", field + ": " + message);
    }
}
