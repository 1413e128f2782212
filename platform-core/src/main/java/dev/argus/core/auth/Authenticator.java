package dev.argus.core.auth;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;

/**
 * Resolves and checks the caller of a request against its route's {@link Access}.
 */
public interface Authenticator {

    /**
     * @return the caller, or empty for an anonymous route called without credentials
     * @throws dev.argus.core.server.ApiException 401 without valid credentials, 403 when they do not suffice
     */
    Optional<Caller> authenticate(ServerRequest req, Access access);

    /**
     * As {@link #authenticate(ServerRequest, Access)}, with the response at hand for headers that
     * describe the caller's standing (e.g. {@code RateLimit-*}).
     */
    default Optional<Caller> authenticate(ServerRequest req, ServerResponse res, Access access) {
        return authenticate(req, access);
    }
}
