package dev.argus.core.server;

import dev.argus.core.auth.Access;
import dev.argus.core.auth.Authenticator;
import dev.argus.core.auth.Caller;
import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import java.util.Objects;

/**
 * How features register API routes: every route names its {@link Access}; the handler only runs
 * after the {@link Authenticator} accepted the caller, who is then available as
 * {@link Caller#of(io.helidon.webserver.http.ServerRequest)}.
 */
public final class ApiRules {

    private final HttpRules rules;
    private final String mountPath;
    private final Authenticator authenticator;
    private final RouteTable table;

    ApiRules(HttpRules rules, String mountPath, Authenticator authenticator, RouteTable table) {
        this.rules = rules;
        this.mountPath = mountPath.endsWith("/") ? mountPath.substring(0, mountPath.length() - 1) : mountPath;
        this.authenticator = authenticator;
        this.table = table;
    }

    public ApiRules get(String path, Access access, Handler handler) {
        return route(Method.GET, path, access, handler);
    }

    public ApiRules post(String path, Access access, Handler handler) {
        return route(Method.POST, path, access, handler);
    }

    public ApiRules put(String path, Access access, Handler handler) {
        return route(Method.PUT, path, access, handler);
    }

    public ApiRules patch(String path, Access access, Handler handler) {
        return route(Method.PATCH, path, access, handler);
    }

    public ApiRules delete(String path, Access access, Handler handler) {
        return route(Method.DELETE, path, access, handler);
    }

    /** Registers one route; {@code path} is relative to the feature's mount path ("/" for the root). */
    public ApiRules route(Method method, String path, Access access, Handler handler) {
        Objects.requireNonNull(access, "every route declares its access");
        String full = path.equals("/") ? mountPath : mountPath + path;
        table.add(new RouteTable.Route(method.text(), full.isEmpty() ? "/" : full, access));
        rules.route(method, path, (req, res) -> {
            authenticator.authenticate(req, res, access).ifPresent(caller -> req.context().register(caller));
            handler.handle(req, res);
        });
        return this;
    }
}
