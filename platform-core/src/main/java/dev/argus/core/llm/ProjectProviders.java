package dev.argus.core.llm;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.argus.api.ExtensionKind;
import dev.argus.api.provider.LlmProvider;
import dev.argus.core.plugins.PluginHost;
import dev.argus.core.secrets.SecretStore;
import java.time.Duration;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The provider a project's requests go to. A project configures a provider with secrets named
 * {@code provider.<id>.<field>} (e.g. {@code provider.openai.api_key}); without any, the instance
 * configured for the whole server answers. Configured instances are kept for a few minutes, keyed by
 * a fingerprint of their settings, so a changed secret takes effect on the next request.
 */
final class ProjectProviders {

    private final PluginHost plugins;
    private final SecretStore secrets;
    private final Cache<String, LlmProvider> configured = Caffeine.newBuilder()
            .maximumSize(1_000).expireAfterAccess(Duration.ofMinutes(10)).build();

    ProjectProviders(PluginHost plugins, SecretStore secrets) {
        this.plugins = plugins;
        this.secrets = secrets;
    }

    /**
     * The project's instance of provider {@code id}.
     *
     * @throws IllegalArgumentException when the project's settings are refused by the provider (the message names the field)
     */
    Optional<LlmProvider> provider(UUID projectId, String id) {
        Map<String, String> settings = settings(projectId, id);
        if (settings.isEmpty()) {
            return plugins.registry().provider(id);
        }
        String key = projectId + "/" + id + "/" + settings.hashCode();
        try {
            return Optional.of(configured.get(key,
                    k -> plugins.configuredInstance(ExtensionKind.PROVIDER, id, LlmProvider.class, settings)));
        } catch (NoSuchElementException e) {
            return Optional.empty();
        }
    }

    private Map<String, String> settings(UUID projectId, String id) {
        String prefix = "provider." + id + ".";
        Map<String, String> settings = new TreeMap<>();
        for (SecretStore.Info info : secrets.list(projectId)) {
            if (info.name().startsWith(prefix)) {
                secrets.get(projectId, info.name())
                        .ifPresent(value -> settings.put(info.name().substring(prefix.length()), value));
            }
        }
        return settings;
    }
}
