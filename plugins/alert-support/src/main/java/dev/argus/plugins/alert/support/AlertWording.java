package dev.argus.plugins.alert.support;

import dev.argus.api.alert.AlertEvent;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** The words and numbers people read in an alert, the same in every channel. */
public final class AlertWording {

    private AlertWording() {
    }

    /** {@code firing} or {@code resolved}. */
    public static String state(AlertEvent event) {
        return event.state().name().toLowerCase(Locale.ROOT);
    }

    /** {@code info}, {@code warning} or {@code critical}. */
    public static String severity(AlertEvent event) {
        return event.severity().name().toLowerCase(Locale.ROOT);
    }

    /** E.g. {@code [FIRING] CRITICAL: High p95 latency} or {@code [RESOLVED] High p95 latency}. */
    public static String headline(AlertEvent event) {
        return event.state() == AlertEvent.State.FIRING
                ? "[FIRING] " + event.severity().name() + ": " + event.ruleName()
                : "[RESOLVED] " + event.ruleName();
    }

    /** E.g. {@code value 2.31 vs threshold 1.5}. */
    public static String comparison(AlertEvent event) {
        return "value " + number(event.value()) + " vs threshold " + number(event.threshold());
    }

    /** A number for people: six significant digits at most, no exponent, no trailing zeros. */
    public static String number(double value) {
        if (!Double.isFinite(value)) {
            return Double.isNaN(value) ? "n/a" : (value > 0 ? "+inf" : "-inf");
        }
        return new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
