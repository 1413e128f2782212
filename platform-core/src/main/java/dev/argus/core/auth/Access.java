package dev.argus.core.auth;

import dev.argus.core.storage.jooq.enums.ProjectRole;
import java.util.Optional;

/**
 * What a route requires. Every API route declares one when it is registered (see
 * {@link dev.argus.core.server.ApiRules}); a route without one cannot be registered.
 *
 * <p>Neither a role nor a key scope (see {@link #user()}) means: any signed-in user, whether or not a
 * project is selected — for routes about the user themself, such as their profile or their projects.
 *
 * @param open          anyone may call it
 * @param minimumRole   the least project role a signed-in user needs, or {@code null} when users may not call it
 * @param keyScope      the API-key scope that also grants access, or {@code null} when keys may not call it
 * @param instanceAdmin only a signed-in instance administrator may call it (settings of the whole
 *                      server, such as its plugins, which every project shares)
 */
public record Access(boolean open, ProjectRole minimumRole, ApiKeyScope keyScope, boolean instanceAdmin) {

    /** No credentials needed. */
    public static Access anyone() {
        return new Access(true, null, null, false);
    }

    /** A signed-in user with at least this role in the project. */
    public static Access role(ProjectRole minimumRole) {
        return new Access(false, minimumRole, null, false);
    }

    /** A signed-in user with at least this role, or an API key with this scope. */
    public static Access roleOrKey(ProjectRole minimumRole, ApiKeyScope scope) {
        return new Access(false, minimumRole, scope, false);
    }

    /** Any signed-in user, with or without a project; API keys may not call it. */
    public static Access user() {
        return new Access(false, null, null, false);
    }

    /** A signed-in instance administrator, whatever their project roles; API keys may not call it. */
    public static Access instanceAdministrator() {
        return new Access(false, null, null, true);
    }

    /** Whether this is {@link #user()}: a signed-in user, no project role needed. */
    public boolean userOnly() {
        return !open && minimumRole == null && keyScope == null && !instanceAdmin;
    }

    /** An API key with this scope only. */
    public static Access key(ApiKeyScope scope) {
        return new Access(false, null, scope, false);
    }

    /** Ranks roles: owner 4 … viewer 1. */
    public static int rank(ProjectRole role) {
        return switch (role) {
            case owner -> 4;
            case admin -> 3;
            case member -> 2;
            case viewer -> 1;
        };
    }

    /** Whether a user with {@code role} satisfies this requirement. */
    public boolean allowsRole(ProjectRole role) {
        return minimumRole != null && role != null && rank(role) >= rank(minimumRole);
    }

    /** The key scope, if keys may call the route. */
    public Optional<ApiKeyScope> scope() {
        return Optional.ofNullable(keyScope);
    }
}
