package dev.argus.core.projects;

import dev.argus.core.auth.Caller;
import dev.argus.core.server.ApiException;
import dev.argus.core.storage.jooq.enums.ProjectRole;
import io.helidon.http.Status;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Who may hand out which role: admins manage members up to admin; only owners touch the owner role. */
public final class Roles {

    private Roles() {
    }

    /** Parses a role from a request field; 400 naming the field when unknown. */
    public static ProjectRole parse(String value, String field, ProjectRole fallback) {
        if (value == null) {
            if (fallback != null) {
                return fallback;
            }
            throw ApiException.badRequest("invalid_request", field + " is required");
        }
        for (ProjectRole role : ProjectRole.values()) {
            if (role.getLiteral().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return role;
            }
        }
        throw ApiException.badRequest("invalid_request", field + " must be one of "
                + Arrays.stream(ProjectRole.values()).map(ProjectRole::getLiteral).collect(Collectors.joining(", ")));
    }

    /** 403 unless the caller may give {@code granted} to someone who now has {@code current} (or nothing). */
    public static void checkGrant(Caller caller, ProjectRole current, ProjectRole granted) {
        boolean touchesOwner = current == ProjectRole.owner || granted == ProjectRole.owner;
        if (touchesOwner && caller.role() != ProjectRole.owner) {
            throw new ApiException(Status.FORBIDDEN_403, "forbidden", "only owners may grant, change or remove the owner role");
        }
    }
}
