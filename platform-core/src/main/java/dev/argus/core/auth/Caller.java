package dev.argus.core.auth;

import dev.argus.core.server.ApiException;
import dev.argus.core.storage.jooq.enums.ProjectRole;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, resolved by the {@link Authenticator} before a feature's handler runs. Every
 * feature scopes its queries by {@link #projectId()}.
 *
 * @param projectId the project the request acts on
 * @param userId    the signed-in user, or {@code null} for an API key
 * @param apiKeyId  the API key used, or {@code null} for a user
 * @param role      the user's role in the project, or {@code null} for an API key
 * @param scopes    the API key's scopes; empty for users
 */
public record Caller(UUID projectId, UUID userId, UUID apiKeyId, ProjectRole role, Set<ApiKeyScope> scopes) {

    /** Copies the scopes. */
    public Caller {
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    }

    /** The caller of a request that passed its route's {@link Access} check. */
    public static Caller of(ServerRequest req) {
        return find(req).orElseThrow(() -> new ApiException(Status.UNAUTHORIZED_401, "unauthenticated",
                "this route needs credentials"));
    }

    /** The caller, when the route required one. */
    public static Optional<Caller> find(ServerRequest req) {
        return req.context().get(Caller.class);
    }
}
