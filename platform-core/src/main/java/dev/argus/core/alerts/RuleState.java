package dev.argus.core.alerts;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a rule stands between evaluations, and the one transition function over it:
 * {@code ok → pending} while the condition holds for less than the for-duration, {@code → firing}
 * once it held that long (unless the cooldown since the last firing is still running), and
 * {@code firing → resolved} as soon as it stops holding. {@code resolved} behaves like {@code ok}.
 *
 * @param state         ok, pending, firing or resolved
 * @param pendingSince  when the condition started holding, while pending
 * @param lastFiredAt   when the rule last fired, for the cooldown
 */
public record RuleState(String state, Instant pendingSince, Instant lastFiredAt) {

    public static final String OK = "ok";
    public static final String PENDING = "pending";
    public static final String FIRING = "firing";
    public static final String RESOLVED = "resolved";

    /**
     * The state after one evaluation and the event it produces.
     *
     * @param next  the new state
     * @param event {@link #FIRING}, {@link #RESOLVED} or {@code null} for no event
     */
    public record Step(RuleState next, String event) {
    }

    /**
     * One evaluation.
     *
     * @param breached    whether the condition holds now (no data never breaches)
     * @param forDuration how long it must hold before firing
     * @param cooldown    the least time between two firings
     */
    public Step step(boolean breached, Instant now, Duration forDuration, Duration cooldown) {
        if (FIRING.equals(state)) {
            return breached ? new Step(this, null) : new Step(new RuleState(RESOLVED, null, lastFiredAt), RESOLVED);
        }
        if (!breached) {
            return new Step(PENDING.equals(state) ? new RuleState(OK, null, lastFiredAt) : this, null);
        }
        Instant since = PENDING.equals(state) && pendingSince != null ? pendingSince : now;
        boolean heldLongEnough = !now.isBefore(since.plus(forDuration));
        boolean cooling = lastFiredAt != null && now.isBefore(lastFiredAt.plus(cooldown));
        if (heldLongEnough && !cooling) {
            return new Step(new RuleState(FIRING, null, now), FIRING);
        }
        return new Step(new RuleState(PENDING, since, lastFiredAt), null);
    }
}
