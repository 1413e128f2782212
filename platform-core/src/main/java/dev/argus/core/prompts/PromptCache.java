package dev.argus.core.prompts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Caffeine cache in front of the hot read paths ({@code GET /prompts/{name}}, render, resolve).
 * Every write invalidates the prompt's entries on this node at once; other nodes learn of it through
 * PostgreSQL {@code NOTIFY} ({@link PromptChangeListener}), and the short expiry bounds staleness if
 * a notification is ever missed.
 */
public final class PromptCache {

    /** What was looked up: a selector rendered as text, or the running experiment. */
    record Key(UUID projectId, String name, String what) {
    }

    private final Cache<Key, Optional<?>> entries;

    public PromptCache(Duration expiry) {
        this.entries = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(expiry).build();
    }

    @SuppressWarnings("unchecked")
    <T> Optional<T> get(UUID projectId, String name, String what, Supplier<Optional<T>> loader) {
        return (Optional<T>) entries.get(new Key(projectId, name, what), k -> loader.get());
    }

    /** Drops every entry of one prompt. */
    public void invalidate(UUID projectId, String name) {
        entries.asMap().keySet().removeIf(k -> k.projectId().equals(projectId) && k.name().equals(name));
    }

    /** Drops everything (after a lost connection to the notification channel). */
    public void invalidateAll() {
        entries.invalidateAll();
    }

    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }
}
