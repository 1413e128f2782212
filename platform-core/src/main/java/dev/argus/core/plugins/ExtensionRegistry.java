package dev.argus.core.plugins;

import dev.argus.api.ArgusExtension;
import dev.argus.api.ExtensionKind;
import dev.argus.api.alert.AlertChannel;
import dev.argus.api.evaluator.Evaluator;
import dev.argus.api.exporter.Exporter;
import dev.argus.api.provider.LlmProvider;
import java.util.List;
import java.util.Optional;

/** Every extension the host knows, built-in and from plugins, keyed by kind and id. */
public final class ExtensionRegistry {

    private final List<RegisteredExtension> extensions;

    ExtensionRegistry(List<RegisteredExtension> extensions) {
        this.extensions = List.copyOf(extensions);
    }

    /** All registered extensions, active or not. */
    public List<RegisteredExtension> all() {
        return extensions;
    }

    /** The registration of an extension of a kind, active or not. */
    public Optional<RegisteredExtension> find(ExtensionKind kind, String id) {
        return extensions.stream().filter(e -> e.kind() == kind && e.id().equals(id)).findFirst();
    }

    /** An active provider by id. */
    public Optional<LlmProvider> provider(String id) {
        return active(ExtensionKind.PROVIDER, id, LlmProvider.class);
    }

    /** An active evaluator by id. */
    public Optional<Evaluator> evaluator(String id) {
        return active(ExtensionKind.EVALUATOR, id, Evaluator.class);
    }

    /** An active exporter by id. */
    public Optional<Exporter> exporter(String id) {
        return active(ExtensionKind.EXPORTER, id, Exporter.class);
    }

    /** An active alert channel by id. */
    public Optional<AlertChannel> alertChannel(String id) {
        return active(ExtensionKind.ALERT_CHANNEL, id, AlertChannel.class);
    }

    private <T extends ArgusExtension> Optional<T> active(ExtensionKind kind, String id, Class<T> type) {
        return find(kind, id).filter(RegisteredExtension::active).map(e -> type.cast(e.extension()));
    }
}
