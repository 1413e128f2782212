package dev.argus.core.server;

import dev.argus.core.config.ArgusConfig;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Headers every response gets: no sniffing, no referrer, no framing, a Content-Security-Policy (strict
 * for the API, same-origin for the console), HSTS when the client came over TLS, {@code no-store} on
 * API responses, and CORS for the configured origins only. Also records the {@link ClientInfo}.
 */
public final class WebHygiene implements Filter {

    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";
    static final String CONSOLE_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";
    private static final String ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE";
    private static final String ALLOWED_HEADERS = "Authorization, Content-Type, X-Argus-Project, X-Argus-Key";
    private static final String EXPOSED_HEADERS = "RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Retry-After";

    private final Set<String> corsOrigins;
    private final boolean trustProxy;

    public WebHygiene(ArgusConfig.Security security) {
        this.corsOrigins = Set.copyOf(security.corsOrigins());
        this.trustProxy = security.trustProxy();
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        ClientInfo client = ClientInfo.resolve(req, trustProxy);
        req.context().register(client);
        String path = req.path().path();
        boolean api = !path.equals("/") && ConsoleService.isApiPath(path);
        res.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
        res.header(HeaderNames.create("Referrer-Policy"), "no-referrer");
        res.header(HeaderNames.create("X-Frame-Options"), "DENY");
        res.header(HeaderNames.create("Content-Security-Policy"), api ? API_CSP : CONSOLE_CSP);
        if (client.secure()) {
            res.header(HeaderNames.STRICT_TRANSPORT_SECURITY, "max-age=31536000; includeSubDomains");
        }
        if (api) {
            res.header(HeaderNames.CACHE_CONTROL, "no-store");
        }
        Optional<String> origin = req.headers().first(HeaderNames.ORIGIN);
        boolean preflight = req.prologue().method() == Method.OPTIONS
                && req.headers().contains(HeaderNames.ACCESS_CONTROL_REQUEST_METHOD);
        if (origin.isPresent() && corsOrigins.contains(origin.get())) {
            res.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin.get());
            res.header(HeaderNames.VARY, "Origin");
            res.header(HeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED_HEADERS);
            if (preflight) {
                res.header(HeaderNames.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS);
                res.header(HeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS);
                res.header(HeaderNames.ACCESS_CONTROL_MAX_AGE, "600");
                res.status(Status.NO_CONTENT_204).send();
                return;
            }
        } else if (preflight) {
            Json.send(res, Status.FORBIDDEN_403, ErrorBody.of("cors_forbidden",
                    "origin " + origin.orElse("(none)") + " may not call this API; see security.cors_origins", Map.of()));
            return;
        }
        chain.proceed();
    }
}
