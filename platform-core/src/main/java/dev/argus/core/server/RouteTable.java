package dev.argus.core.server;

import dev.argus.core.auth.Access;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every API route with what it requires, collected as features register them. The authorization
 * matrix test and the OpenAPI contract test walk this table.
 */
public final class RouteTable {

    /**
     * @param method HTTP method
     * @param path   full path pattern, e.g. {@code /api/v1/calls/{id}}
     * @param access what it requires
     */
    public record Route(String method, String path, Access access) {
    }

    private final List<Route> routes = Collections.synchronizedList(new ArrayList<>());

    void add(Route route) {
        routes.add(route);
    }

    /** A snapshot of the registered routes. */
    public List<Route> routes() {
        synchronized (routes) {
            return List.copyOf(routes);
        }
    }
}
