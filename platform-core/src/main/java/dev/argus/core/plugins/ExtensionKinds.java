package dev.argus.core.plugins;

import dev.argus.api.ArgusExtension;
import dev.argus.api.ExtensionKind;
import dev.argus.api.alert.AlertChannel;
import dev.argus.api.evaluator.Evaluator;
import dev.argus.api.exporter.Exporter;
import dev.argus.api.provider.LlmProvider;
import java.util.Locale;
import java.util.Map;

/** The Java interface behind each {@link ExtensionKind}. */
final class ExtensionKinds {

    static final Map<ExtensionKind, Class<? extends ArgusExtension>> TYPES = Map.of(
            ExtensionKind.PROVIDER, LlmProvider.class,
            ExtensionKind.EVALUATOR, Evaluator.class,
            ExtensionKind.EXPORTER, Exporter.class,
            ExtensionKind.ALERT_CHANNEL, AlertChannel.class);

    private ExtensionKinds() {
    }

    static String wireName(ExtensionKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
