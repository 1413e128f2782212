package dev.argus.api.alert;

import java.time.Instant;
import java.util.Map;

/**
 * An alert rule changed state.
 *
 * @param ruleId    the rule's id
 * @param ruleName  the rule's name as users gave it
 * @param projectId the project the rule belongs to
 * @param state     whether the alert fired or resolved
 * @param severity  how urgent it is
 * @param message   a one-line summary for people
 * @param value     the observed value of the rule's metric
 * @param threshold the rule's threshold
 * @param at        when the state changed
 * @param link      a console URL showing the alert, or {@code null}
 * @param labels    extra context (provider, model, …)
 */
public record AlertEvent(String ruleId, String ruleName, String projectId, State state, Severity severity,
                         String message, double value, double threshold, Instant at, String link,
                         Map<String, String> labels) {

    /** Alert state. */
    public enum State { FIRING, RESOLVED }

    /** Alert severity. */
    public enum Severity { INFO, WARNING, CRITICAL }

    /** Copies the labels. */
    public AlertEvent {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
