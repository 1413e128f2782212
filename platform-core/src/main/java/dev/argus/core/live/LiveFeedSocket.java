package dev.argus.core.live;

import io.helidon.common.uri.UriQuery;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import io.helidon.websocket.WsUpgradeException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * {@code WebSocket /ws/metrics?provider=…&model=…&project_id=…}: authenticated at the upgrade (the web server's
 * route security does not cover upgrades) with {@code Authorization: Bearer …} or, for browsers that
 * cannot set headers, {@code ?access_token=…}; then receives merged deltas of its project.
 */
public final class LiveFeedSocket implements WsListener {

    private final LiveHub hub;
    private final BiFunction<String, Optional<String>, Optional<UUID>> projectForToken;
    private Subscription subscription;
    private long connectionId;

    /**
     * @param hub             the hub to register with
     * @param projectForToken resolves a bearer token (API key or access token) and the requested
     *                        {@code project_id}, if any, to the project the connection may watch
     */
    public LiveFeedSocket(LiveHub hub, BiFunction<String, Optional<String>, Optional<UUID>> projectForToken) {
        this.hub = hub;
        this.projectForToken = projectForToken;
    }

    @Override
    public Optional<Headers> onHttpUpgrade(HttpPrologue prologue, Headers headers) throws WsUpgradeException {
        UriQuery query = prologue.query();
        Optional<String> token = headers.first(HeaderNames.AUTHORIZATION)
                .filter(v -> v.regionMatches(true, 0, "Bearer ", 0, 7)).map(v -> v.substring(7).trim())
                .or(() -> query.first("access_token").asOptional());
        Optional<UUID> project;
        try {
            Optional<String> requested = query.first("project_id").asOptional();
            project = token.flatMap(t -> projectForToken.apply(t, requested));
        } catch (RuntimeException e) {
            project = Optional.empty();
        }
        if (project.isEmpty()) {
            throw new WsUpgradeException("the live feed needs a valid access token or API key");
        }
        subscription = new Subscription(project.get(), query.first("provider").asOptional(),
                query.first("model").asOptional());
        return Optional.empty();
    }

    @Override
    public void onOpen(WsSession session) {
        connectionId = hub.register(subscription, new LiveHub.Sink() {
            @Override
            public void send(String message) {
                session.send(message, true);
            }

            @Override
            public void terminate() {
                try {
                    session.terminate();
                } catch (RuntimeException e) {
                    // the connection is already gone; nothing left to drop
                }
            }
        });
        session.send("{\"type\":\"subscribed\",\"project_id\":\"" + subscription.projectId() + "\"}", true);
    }

    @Override
    public void onClose(WsSession session, int status, String reason) {
        hub.unregister(connectionId);
    }

    @Override
    public void onError(WsSession session, Throwable t) {
        hub.unregister(connectionId);
    }
}
