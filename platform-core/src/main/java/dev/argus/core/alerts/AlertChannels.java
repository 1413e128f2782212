package dev.argus.core.alerts;

import static dev.argus.core.storage.jooq.Tables.ALERT_CHANNELS;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.argus.api.ConfigField;
import dev.argus.api.ExtensionKind;
import dev.argus.api.alert.AlertChannel;
import dev.argus.core.plugins.PluginHost;
import dev.argus.core.plugins.RegisteredExtension;
import dev.argus.core.secrets.SecretStore;
import dev.argus.core.server.ApiException;
import dev.argus.core.server.Json;
import dev.argus.core.storage.jooq.tables.records.AlertChannelsRecord;
import io.helidon.http.Status;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.exception.IntegrityConstraintViolationException;

/**
 * A project's named alert channel configurations. Settings are validated by configuring the
 * extension with them; fields the extension's schema marks secret go to the {@link SecretStore} as
 * {@code alert.channel.<id>.<field>} and are masked on read. Configured extension instances are
 * cached per channel version.
 */
final class AlertChannels {

    static final String MASK = "********";

    private final DSLContext dsl;
    private final SecretStore secrets;
    private final PluginHost plugins;
    private final Map<InstanceKey, AlertChannel> instances = new ConcurrentHashMap<>();

    private record InstanceKey(UUID channelId, OffsetDateTime updatedAt, Object registry) {
    }

    /** The body of {@code POST /api/v1/alerts/channels}. */
    record ChannelRequest(String name, String extensionId, Map<String, String> settings) {
    }

    AlertChannels(DSLContext dsl, SecretStore secrets, PluginHost plugins) {
        this.dsl = dsl;
        this.secrets = secrets;
        this.plugins = plugins;
    }

    List<ChannelView> list(UUID projectId) {
        return dsl.selectFrom(ALERT_CHANNELS).where(ALERT_CHANNELS.PROJECT_ID.eq(projectId))
                .orderBy(ALERT_CHANNELS.NAME).fetch(AlertChannels::view);
    }

    Optional<ChannelView> find(UUID projectId, UUID id) {
        return row(projectId, id).map(AlertChannels::view);
    }

    ChannelView create(UUID projectId, UUID userId, ChannelRequest request) {
        if (request.name() == null || request.name().isBlank() || request.name().length() > 200) {
            throw ApiException.badRequest("invalid_request", "name: required, 1 to 200 characters");
        }
        if (request.extensionId() == null || request.extensionId().isBlank()) {
            throw ApiException.badRequest("invalid_request", "extension_id: required, e.g. webhook, slack or email");
        }
        RegisteredExtension extension = plugins.registry().find(ExtensionKind.ALERT_CHANNEL, request.extensionId())
                .orElseThrow(() -> ApiException.badRequest("invalid_request", "extension_id: no alert channel extension '"
                        + request.extensionId() + "' is installed"));
        Map<String, String> settings = request.settings() == null ? Map.of() : request.settings();
        configure(request.extensionId(), settings);
        List<String> secretFields = extension.extension().configSchema().fields().stream()
                .filter(ConfigField::secret).map(ConfigField::name).toList();
        Map<String, String> plain = new LinkedHashMap<>(settings);
        secretFields.forEach(plain::remove);
        // a null setting means "not set", as for the extension: keep it out of what is stored and shown
        plain.values().removeIf(Objects::isNull);
        UUID id = UUID.randomUUID();
        try {
            dsl.transaction(cfg -> {
                DSLContext tx = cfg.dsl();
                tx.insertInto(ALERT_CHANNELS).set(ALERT_CHANNELS.ID, id).set(ALERT_CHANNELS.PROJECT_ID, projectId)
                        .set(ALERT_CHANNELS.NAME, request.name().strip())
                        .set(ALERT_CHANNELS.EXTENSION_ID, request.extensionId())
                        .set(ALERT_CHANNELS.SETTINGS, JSONB.valueOf(Json.MAPPER.writeValueAsString(plain)))
                        .set(ALERT_CHANNELS.SECRET_FIELDS, secretFields.stream()
                                .filter(f -> settings.get(f) != null && !settings.get(f).isBlank())
                                .toArray(String[]::new))
                        .execute();
                for (String field : secretFields) {
                    String value = settings.get(field);
                    if (value != null && !value.isBlank()) {
                        secrets.put(tx, projectId, secretName(id, field), value, userId);
                    }
                }
            });
        } catch (IntegrityConstraintViolationException e) {
            throw new ApiException(Status.CONFLICT_409, "conflict",
                    "name: a channel named '" + request.name() + "' already exists in this project");
        }
        return find(projectId, id).orElseThrow();
    }

    boolean delete(UUID projectId, UUID id) {
        return dsl.transactionResult(cfg -> {
            AlertChannelsRecord row = cfg.dsl().selectFrom(ALERT_CHANNELS)
                    .where(ALERT_CHANNELS.PROJECT_ID.eq(projectId), ALERT_CHANNELS.ID.eq(id)).fetchOne();
            if (row == null) {
                return false;
            }
            for (String field : row.getSecretFields()) {
                secrets.delete(cfg.dsl(), projectId, secretName(id, field));
            }
            row.delete();
            return true;
        });
    }

    /** The configured extension for a channel, with its secrets; empty if the channel is gone. */
    Optional<AlertChannel> instance(UUID projectId, UUID id) {
        return row(projectId, id).map(row -> instances.computeIfAbsent(
                new InstanceKey(row.getId(), row.getUpdatedAt(), plugins.registry()), key -> {
                    Map<String, String> settings = new LinkedHashMap<>(plainSettings(row));
                    for (String field : row.getSecretFields()) {
                        secrets.get(projectId, secretName(id, field)).ifPresent(v -> settings.put(field, v));
                    }
                    return configure(row.getExtensionId(), settings);
                }));
    }

    private AlertChannel configure(String extensionId, Map<String, String> settings) {
        try {
            return plugins.configuredInstance(ExtensionKind.ALERT_CHANNEL, extensionId, AlertChannel.class, settings);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_settings", "settings: " + e.getMessage());
        } catch (NoSuchElementException e) {
            throw new ApiException(Status.SERVICE_UNAVAILABLE_503, "extension_unavailable", e.getMessage());
        }
    }

    private Optional<AlertChannelsRecord> row(UUID projectId, UUID id) {
        return dsl.selectFrom(ALERT_CHANNELS).where(ALERT_CHANNELS.PROJECT_ID.eq(projectId), ALERT_CHANNELS.ID.eq(id))
                .fetchOptional();
    }

    private static String secretName(UUID channelId, String field) {
        return "alert.channel." + channelId + "." + field;
    }

    private static Map<String, String> plainSettings(AlertChannelsRecord row) {
        try {
            return Json.STORED.readValue(row.getSettings().data(), new TypeReference<Map<String, String>>() { });
        } catch (java.io.IOException e) {
            throw new IllegalStateException("alert_channels.settings is not a string map", e);
        }
    }

    private static ChannelView view(AlertChannelsRecord row) {
        Map<String, String> shown = new LinkedHashMap<>(plainSettings(row));
        Arrays.stream(row.getSecretFields()).forEach(f -> shown.put(f, MASK));
        return new ChannelView(row.getId(), row.getName(), row.getExtensionId(), shown, row.getCreatedAt(),
                row.getUpdatedAt());
    }
}
