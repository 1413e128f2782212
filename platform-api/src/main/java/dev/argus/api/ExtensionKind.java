package dev.argus.api;

/** The four kinds of extension the host knows how to use. */
public enum ExtensionKind {
    /** {@link dev.argus.api.provider.LlmProvider}. */
    PROVIDER,
    /** {@link dev.argus.api.evaluator.Evaluator}. */
    EVALUATOR,
    /** {@link dev.argus.api.exporter.Exporter}. */
    EXPORTER,
    /** {@link dev.argus.api.alert.AlertChannel}. */
    ALERT_CHANNEL
}
