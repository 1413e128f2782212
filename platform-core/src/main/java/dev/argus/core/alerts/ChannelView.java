package dev.argus.core.alerts;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * A channel configuration as the API shows it: secret settings are masked.
 *
 * @param id          the channel's id
 * @param name        unique within the project
 * @param extensionId the alert channel extension, e.g. {@code webhook}
 * @param settings    the settings, secret ones shown as {@value AlertChannels#MASK}
 */
public record ChannelView(UUID id, String name, String extensionId, Map<String, String> settings,
                          OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
