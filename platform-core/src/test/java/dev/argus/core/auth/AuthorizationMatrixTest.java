package dev.argus.core.auth;

import static dev.argus.core.storage.jooq.Tables.USERS;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.argus.core.server.RouteTable;
import dev.argus.core.storage.jooq.enums.ProjectRole;
import dev.argus.core.testing.Fixtures;
import dev.argus.core.testing.RunningArgus;
import dev.argus.core.testing.TestPlugins;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Walks every route of the {@link RouteTable} — including routes added later by any feature — with
 * every kind of caller and checks the outcome against the route's declared {@link Access}:
 * anonymous → 401, too small a role or a missing key scope → 403, a member of another project or a
 * key of another project → 404 (the project's existence is not revealed), and everyone else gets
 * past authorization (any other status).
 *
 * <p>Each case runs against its own freshly made project with the same memberships, so routes that
 * delete or change things cannot disturb the other cases. Bodies are {@code {}} and path ids are
 * random, so an allowed call normally ends in a 4xx from the handler's own validation; a 5xx fails
 * the test, as bad input must never be a server error.
 */
class AuthorizationMatrixTest {

    @TempDir
    static Path plugins;
    static RunningArgus argus;
    static Fixtures fx;
    static final Map<ProjectRole, UUID> users = new java.util.EnumMap<>(ProjectRole.class);
    static final Map<ProjectRole, String> tokens = new java.util.EnumMap<>(ProjectRole.class);
    static UUID otherProject;
    static String outsiderToken;
    static String instanceAdminToken;
    static ApiKeyCredentials otherProjectKey;

    @BeforeAll
    static void start() throws Exception {
        TestPlugins.copyBundled("provider-mock.jar", plugins);
        argus = RunningArgus.start(plugins, Map.of("ARGUS_SECURITY_RATE_LIMIT_PER_MINUTE", "100000",
                "ARGUS_SECURITY_LOGIN_ATTEMPTS_PER_MINUTE", "1000"));
        fx = new Fixtures(argus);
        for (ProjectRole role : ProjectRole.values()) {
            users.put(role, fx.user(role.getLiteral() + "@matrix.test"));
            tokens.put(role, fx.token(role.getLiteral() + "@matrix.test"));
        }
        otherProject = fx.project("other");
        UUID outsider = fx.user("outsider@matrix.test");
        fx.member(otherProject, outsider, ProjectRole.owner);
        outsiderToken = fx.token("outsider@matrix.test");
        UUID instanceAdmin = fx.user("instance-admin@matrix.test");
        fx.dsl().update(USERS).set(USERS.INSTANCE_ADMIN, true).where(USERS.ID.eq(instanceAdmin)).execute();
        instanceAdminToken = fx.token("instance-admin@matrix.test");
        otherProjectKey = fx.key(otherProject, Fixtures.allScopes());
    }

    @AfterAll
    static void stop() {
        argus.close();
    }

    /** A kind of caller. */
    sealed interface Persona {
    }

    record Anonymous() implements Persona {
    }

    record Member(ProjectRole role) implements Persona {
    }

    record Outsider() implements Persona {
    }

    record Key(ApiKeyScope scope) implements Persona {
    }

    record ForeignKey() implements Persona {
    }

    /** An instance administrator who is a member of no project. */
    record InstanceAdmin() implements Persona {
    }

    enum Outcome { ALLOWED, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND }

    static List<Persona> personas() {
        List<Persona> personas = new ArrayList<>();
        personas.add(new Anonymous());
        for (ProjectRole role : ProjectRole.values()) {
            personas.add(new Member(role));
        }
        personas.add(new Outsider());
        for (ApiKeyScope scope : ApiKeyScope.values()) {
            personas.add(new Key(scope));
        }
        personas.add(new ForeignKey());
        personas.add(new InstanceAdmin());
        return personas;
    }

    /** What the declared access promises for this persona. */
    static Outcome expected(Access access, Persona persona) {
        if (access.open()) {
            return Outcome.ALLOWED;
        }
        return switch (persona) {
            case Anonymous a -> Outcome.UNAUTHENTICATED;
            case Member m -> access.userOnly() || access.allowsRole(m.role()) ? Outcome.ALLOWED : Outcome.FORBIDDEN;
            case Outsider o -> outsider(access);
            case InstanceAdmin i -> access.instanceAdmin() ? Outcome.ALLOWED : outsider(access);
            case Key k -> access.scope().filter(s -> s == k.scope()).isPresent() ? Outcome.ALLOWED : Outcome.FORBIDDEN;
            case ForeignKey f -> access.scope().isEmpty() ? Outcome.FORBIDDEN : Outcome.NOT_FOUND;
        };
    }

    /** A signed-in user who is not a member of the case's project. */
    static Outcome outsider(Access access) {
        return access.minimumRole() == null && !access.userOnly() ? Outcome.FORBIDDEN : Outcome.NOT_FOUND;
    }

    static Outcome observed(HttpResponse<String> res) {
        return switch (res.statusCode()) {
            case 401 -> Outcome.UNAUTHENTICATED;
            case 403 -> Outcome.FORBIDDEN;
            case 404 -> Fixtures.errorMessage(res).equals("project not found") ? Outcome.NOT_FOUND : Outcome.ALLOWED;
            default -> Outcome.ALLOWED;
        };
    }

    private static final Pattern PARAM = Pattern.compile("\\{([a-z_]+)}");

    @Test
    void everyRouteAnswersEveryCallerAsItsAccessDeclares() throws Exception {
        List<RouteTable.Route> routes = argus.argus().routes().routes();
        assertTrue(routes.size() >= 25, "the route table lists the security routes: " + routes);
        List<String> failures = new ArrayList<>();
        int cases = 0;
        for (RouteTable.Route route : routes) {
            for (Persona persona : personas()) {
                UUID project = fx.project("case-" + UUID.randomUUID());
                String path = path(route.path(), project);
                List<String> headers = new ArrayList<>(List.of("X-Argus-Project", project.toString()));
                String bearer = null;
                switch (persona) {
                    case Anonymous a -> {
                    }
                    case Member m -> {
                        fx.member(project, users.get(m.role()), m.role());
                        bearer = tokens.get(m.role());
                    }
                    case Outsider o -> bearer = outsiderToken;
                    case InstanceAdmin i -> bearer = instanceAdminToken;
                    case Key k -> bearer = fx.key(project, Set.of(k.scope())).secret();
                    case ForeignKey f -> {
                        headers.add("X-Argus-Key");
                        headers.add(otherProjectKey.publicKey() + ":" + otherProjectKey.secret());
                    }
                }
                boolean hasBody = Set.of("POST", "PUT", "PATCH").contains(route.method());
                HttpResponse<String> res = fx.send(route.method(), path, hasBody ? "{}" : null, bearer,
                        headers.toArray(String[]::new));
                Outcome expected = expected(route.access(), persona);
                Outcome observed = observed(res);
                cases++;
                if (res.statusCode() >= 500) {
                    failures.add(route.method() + " " + route.path() + " as " + persona + ": server error "
                            + res.statusCode() + " " + res.body());
                } else if (expected != observed) {
                    failures.add(route.method() + " " + route.path() + " as " + persona + ": expected " + expected
                            + ", got " + res.statusCode() + " " + res.body());
                }
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + cases + " cases disagree with the declared access:\n"
                    + String.join("\n", failures));
        }
        assertEquals(routes.size() * personas().size(), cases);
    }

    @Test
    void everyApiRouteIsInTheTableWithAnAccess() {
        for (RouteTable.Route route : argus.argus().routes().routes()) {
            assertTrue(route.access() != null, route.toString());
            assertTrue(route.path().startsWith("/api/") || route.path().equals("/metrics")
                    || route.path().startsWith("/proxy/") || route.path().equals("/v1/traces"), route.toString());
        }
        Set<String> registered = new java.util.HashSet<>();
        argus.argus().routes().routes().forEach(r -> registered.add(r.method() + " " + r.path()));
        for (String expected : List.of("POST /api/v1/auth/login", "GET /api/v1/auth/me", "GET /api/v1/projects",
                "POST /api/v1/projects/{project_id}/members", "DELETE /api/v1/api-keys/{key_id}", "GET /api/v1/audit",
                "PUT /api/v1/secrets/{name}", "GET /api/v1/users", "POST /api/v1/invitations/accept")) {
            assertTrue(registered.contains(expected), expected + " missing from " + registered);
        }
    }

    private static String path(String pattern, UUID project) {
        Matcher m = PARAM.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = m.group(1).equals("project_id") ? project.toString() : UUID.randomUUID().toString();
            m.appendReplacement(out, value);
        }
        m.appendTail(out);
        return out.toString();
    }
}
