package dev.argus.core.audit;

import dev.argus.core.auth.Caller;
import dev.argus.core.server.ClientInfo;
import io.helidon.webserver.http.ServerRequest;
import java.util.UUID;

/**
 * Who performed an action.
 *
 * @param userId   the signed-in user, or {@code null}
 * @param apiKeyId the API key, or {@code null}
 * @param ip       the client address
 */
public record Actor(UUID userId, UUID apiKeyId, String ip) {

    /** The caller of a request (anonymous when the route is open and no credentials were sent). */
    public static Actor of(ServerRequest req) {
        String ip = ClientInfo.of(req).ip();
        return Caller.find(req).map(c -> new Actor(c.userId(), c.apiKeyId(), ip)).orElse(new Actor(null, null, ip));
    }

    /** A user acting from {@code ip}, e.g. while signing in. */
    public static Actor user(UUID userId, String ip) {
        return new Actor(userId, null, ip);
    }
}
