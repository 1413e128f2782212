package dev.argus.core.projects;

import static dev.argus.core.storage.jooq.Tables.INVITATIONS;
import static dev.argus.core.storage.jooq.Tables.ORGANIZATIONS;
import static dev.argus.core.storage.jooq.Tables.PROJECTS;
import static dev.argus.core.storage.jooq.Tables.PROJECT_MEMBERS;
import static dev.argus.core.storage.jooq.Tables.USERS;

import dev.argus.core.audit.Actor;
import dev.argus.core.audit.AuditEvent;
import dev.argus.core.audit.AuditLog;
import dev.argus.core.auth.Access;
import dev.argus.core.auth.ApiKeyCredentials;
import dev.argus.core.auth.Caller;
import dev.argus.core.auth.EmailAddress;
import dev.argus.core.server.ApiException;
import dev.argus.core.server.ApiRules;
import dev.argus.core.server.ApiService;
import dev.argus.core.server.Json;
import dev.argus.core.server.Page;
import dev.argus.core.server.PathParams;
import dev.argus.core.storage.jooq.enums.ProjectRole;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * {@code /api/v1/projects}: the caller's projects, creating one (the creator becomes its owner),
 * renaming and deleting it, its members and its invitations. The {@code {project_id}} in the path
 * selects the project, so a project the caller is not a member of answers 404.
 */
public final class ProjectsService implements ApiService {

    private static final Duration INVITATION_TTL = Duration.ofDays(7);

    private final DSLContext dsl;
    private final SecureRandom random = new SecureRandom();

    public ProjectsService(DSLContext dsl) {
        this.dsl = dsl;
    }

    record ProjectView(UUID id, String name, UUID organizationId, ProjectRole role, OffsetDateTime createdAt) {
    }

    record ProjectRequest(String name) {
    }

    record MemberView(UUID userId, String email, String displayName, ProjectRole role, OffsetDateTime createdAt) {
    }

    record MemberRequest(String email, String role) {
    }

    record RoleRequest(String role) {
    }

    record InvitationRequest(String email, String role) {
    }

    record InvitationView(UUID id, String email, ProjectRole role, UUID invitedBy, OffsetDateTime createdAt,
                          OffsetDateTime expiresAt) {
    }

    /** Shown once, when the invitation is created. */
    record NewInvitation(UUID id, String email, ProjectRole role, OffsetDateTime expiresAt, String token) {
    }

    @Override
    public void routes(ApiRules rules) {
        rules.get("/", Access.user(), this::list);
        rules.post("/", Access.user(), this::create);
        rules.get("/{project_id}", Access.role(ProjectRole.viewer), this::get);
        rules.patch("/{project_id}", Access.role(ProjectRole.admin), this::rename);
        rules.delete("/{project_id}", Access.role(ProjectRole.owner), this::delete);
        rules.get("/{project_id}/members", Access.role(ProjectRole.admin), this::members);
        rules.post("/{project_id}/members", Access.role(ProjectRole.admin), this::addMember);
        rules.patch("/{project_id}/members/{user_id}", Access.role(ProjectRole.admin), this::changeRole);
        rules.delete("/{project_id}/members/{user_id}", Access.role(ProjectRole.admin), this::removeMember);
        rules.get("/{project_id}/invitations", Access.role(ProjectRole.admin), this::invitations);
        rules.post("/{project_id}/invitations", Access.role(ProjectRole.admin), this::invite);
        rules.delete("/{project_id}/invitations/{invitation_id}", Access.role(ProjectRole.admin), this::revokeInvitation);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        Page page = Page.of(req);
        var condition = PROJECT_MEMBERS.USER_ID.eq(caller.userId());
        if (page.cursor().isPresent()) {
            condition = condition.and(DSL.row(PROJECTS.NAME, PROJECTS.ID).gt(page.part(0), page.uuidPart(1)));
        }
        List<ProjectView> items = dsl.select(PROJECTS.ID, PROJECTS.NAME, PROJECTS.ORGANIZATION_ID, PROJECT_MEMBERS.ROLE,
                        PROJECTS.CREATED_AT)
                .from(PROJECT_MEMBERS).join(PROJECTS).on(PROJECTS.ID.eq(PROJECT_MEMBERS.PROJECT_ID))
                .where(condition).orderBy(PROJECTS.NAME, PROJECTS.ID).limit(page.limit() + 1)
                .fetch(r -> new ProjectView(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
        Json.ok(res, page.body(items, p -> Page.encode(p.name(), p.id().toString())));
    }

    private void create(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        String name = name(Json.read(req, ProjectRequest.class).name());
        ProjectView created = dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            UUID organization = tx.select(PROJECTS.ORGANIZATION_ID).from(PROJECT_MEMBERS).join(PROJECTS)
                    .on(PROJECTS.ID.eq(PROJECT_MEMBERS.PROJECT_ID)).where(PROJECT_MEMBERS.USER_ID.eq(caller.userId()))
                    .orderBy(PROJECT_MEMBERS.CREATED_AT).limit(1).fetchOne(PROJECTS.ORGANIZATION_ID);
            if (organization == null) {
                String email = tx.select(USERS.EMAIL).from(USERS).where(USERS.ID.eq(caller.userId())).fetchOne(USERS.EMAIL);
                organization = tx.insertInto(ORGANIZATIONS).set(ORGANIZATIONS.NAME, email)
                        .returning(ORGANIZATIONS.ID).fetchOne().getId();
            }
            if (tx.fetchExists(PROJECTS, PROJECTS.ORGANIZATION_ID.eq(organization), PROJECTS.NAME.eq(name))) {
                throw new ApiException(Status.CONFLICT_409, "project_exists", "a project named '" + name
                        + "' already exists in your organisation");
            }
            var project = tx.insertInto(PROJECTS).set(PROJECTS.ORGANIZATION_ID, organization).set(PROJECTS.NAME, name)
                    .returning().fetchOne();
            tx.insertInto(PROJECT_MEMBERS).set(PROJECT_MEMBERS.PROJECT_ID, project.getId())
                    .set(PROJECT_MEMBERS.USER_ID, caller.userId()).set(PROJECT_MEMBERS.ROLE, ProjectRole.owner).execute();
            AuditLog.record(tx, new AuditEvent(project.getId(), Actor.of(req), "project.create", "project",
                    project.getId().toString(), Map.of("name", name)));
            return new ProjectView(project.getId(), name, organization, ProjectRole.owner, project.getCreatedAt());
        });
        Json.send(res, Status.CREATED_201, created);
    }

    private void get(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        var p = dsl.selectFrom(PROJECTS).where(PROJECTS.ID.eq(caller.projectId())).fetchOne();
        Json.ok(res, new ProjectView(p.getId(), p.getName(), p.getOrganizationId(), caller.role(), p.getCreatedAt()));
    }

    private void rename(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        String name = name(Json.read(req, ProjectRequest.class).name());
        ProjectView view = dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            var p = tx.selectFrom(PROJECTS).where(PROJECTS.ID.eq(caller.projectId())).forUpdate().fetchOne();
            if (!p.getName().equals(name) && tx.fetchExists(PROJECTS,
                    PROJECTS.ORGANIZATION_ID.eq(p.getOrganizationId()), PROJECTS.NAME.eq(name))) {
                throw new ApiException(Status.CONFLICT_409, "project_exists", "a project named '" + name
                        + "' already exists in this organisation");
            }
            tx.update(PROJECTS).set(PROJECTS.NAME, name).where(PROJECTS.ID.eq(caller.projectId())).execute();
            AuditLog.record(tx, new AuditEvent(caller.projectId(), Actor.of(req), "project.rename", "project",
                    caller.projectId().toString(), Map.of("name_before", p.getName(), "name_after", name)));
            return new ProjectView(p.getId(), name, p.getOrganizationId(), caller.role(), p.getCreatedAt());
        });
        Json.ok(res, view);
    }

    private void delete(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            String name = tx.select(PROJECTS.NAME).from(PROJECTS).where(PROJECTS.ID.eq(caller.projectId()))
                    .fetchOne(PROJECTS.NAME);
            tx.deleteFrom(PROJECTS).where(PROJECTS.ID.eq(caller.projectId())).execute();
            AuditLog.record(tx, new AuditEvent(caller.projectId(), Actor.of(req), "project.delete", "project",
                    caller.projectId().toString(), Map.of("name", name)));
        });
        res.status(Status.NO_CONTENT_204).send();
    }

    private void members(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        Page page = Page.of(req);
        var email = DSL.lower(USERS.EMAIL);
        var condition = PROJECT_MEMBERS.PROJECT_ID.eq(caller.projectId());
        if (page.cursor().isPresent()) {
            condition = condition.and(DSL.row(email, USERS.ID).gt(page.part(0), page.uuidPart(1)));
        }
        List<MemberView> items = dsl.select(USERS.ID, USERS.EMAIL, USERS.DISPLAY_NAME, PROJECT_MEMBERS.ROLE,
                        PROJECT_MEMBERS.CREATED_AT)
                .from(PROJECT_MEMBERS).join(USERS).on(USERS.ID.eq(PROJECT_MEMBERS.USER_ID))
                .where(condition).orderBy(email, USERS.ID).limit(page.limit() + 1)
                .fetch(r -> new MemberView(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
        Json.ok(res, page.body(items, m -> Page.encode(m.email().toLowerCase(Locale.ROOT), m.userId().toString())));
    }

    private void addMember(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        MemberRequest body = Json.read(req, MemberRequest.class);
        String email = EmailAddress.check(body.email(), "email");
        ProjectRole role = Roles.parse(body.role(), "role", ProjectRole.member);
        Roles.checkGrant(caller, null, role);
        MemberView view = dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            var user = tx.selectFrom(USERS).where(DSL.lower(USERS.EMAIL).eq(email.toLowerCase(Locale.ROOT))).fetchOne();
            if (user == null) {
                throw new ApiException(Status.NOT_FOUND_404, "not_found",
                        "no user has this e-mail address; invite them with POST /api/v1/projects/{project_id}/invitations");
            }
            int added = tx.insertInto(PROJECT_MEMBERS).set(PROJECT_MEMBERS.PROJECT_ID, caller.projectId())
                    .set(PROJECT_MEMBERS.USER_ID, user.getId()).set(PROJECT_MEMBERS.ROLE, role)
                    .onConflictDoNothing().execute();
            if (added == 0) {
                throw new ApiException(Status.CONFLICT_409, "already_member", "this user is already a member; "
                        + "change their role with PATCH …/members/{user_id}");
            }
            AuditLog.record(tx, new AuditEvent(caller.projectId(), Actor.of(req), "member.add", "user",
                    user.getId().toString(), Map.of("email", user.getEmail(), "role", role.getLiteral())));
            return new MemberView(user.getId(), user.getEmail(), user.getDisplayName(), role, OffsetDateTime.now());
        });
        Json.send(res, Status.CREATED_201, view);
    }

    private void changeRole(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        UUID userId = PathParams.uuid(req, "user_id", "member");
        ProjectRole role = Roles.parse(Json.read(req, RoleRequest.class).role(), "role", null);
        MemberView view = dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            ProjectRole current = lockMembers(tx, caller.projectId(), userId);
            Roles.checkGrant(caller, current, role);
            if (current == ProjectRole.owner && role != ProjectRole.owner) {
                requireAnotherOwner(tx, caller.projectId());
            }
            tx.update(PROJECT_MEMBERS).set(PROJECT_MEMBERS.ROLE, role)
                    .where(PROJECT_MEMBERS.PROJECT_ID.eq(caller.projectId()), PROJECT_MEMBERS.USER_ID.eq(userId)).execute();
            AuditLog.record(tx, new AuditEvent(caller.projectId(), Actor.of(req), "member.change_role", "user",
                    userId.toString(), Map.of("role_before", current.getLiteral(), "role_after", role.getLiteral())));
            return tx.select(USERS.ID, USERS.EMAIL, USERS.DISPLAY_NAME, PROJECT_MEMBERS.ROLE, PROJECT_MEMBERS.CREATED_AT)
                    .from(PROJECT_MEMBERS).join(USERS).on(USERS.ID.eq(PROJECT_MEMBERS.USER_ID))
                    .where(PROJECT_MEMBERS.PROJECT_ID.eq(caller.projectId()), PROJECT_MEMBERS.USER_ID.eq(userId))
                    .fetchOne(r -> new MemberView(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
        });
        Json.ok(res, view);
    }

    private void removeMember(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        UUID userId = PathParams.uuid(req, "user_id", "member");
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            ProjectRole current = lockMembers(tx, caller.projectId(), userId);
            Roles.checkGrant(caller, current, null);
            if (current == ProjectRole.owner) {
                requireAnotherOwner(tx, caller.projectId());
            }
            tx.deleteFrom(PROJECT_MEMBERS)
                    .where(PROJECT_MEMBERS.PROJECT_ID.eq(caller.projectId()), PROJECT_MEMBERS.USER_ID.eq(userId)).execute();
            AuditLog.record(tx, new AuditEvent(caller.projectId(), Actor.of(req), "member.remove", "user",
                    userId.toString(), Map.of("role_before", current.getLiteral())));
        });
        res.status(Status.NO_CONTENT_204).send();
    }

    /** Locks the project's memberships (so two owners cannot demote each other at once); the member's role or 404. */
    private static ProjectRole lockMembers(DSLContext tx, UUID projectId, UUID userId) {
        var roles = tx.select(PROJECT_MEMBERS.USER_ID, PROJECT_MEMBERS.ROLE).from(PROJECT_MEMBERS)
                .where(PROJECT_MEMBERS.PROJECT_ID.eq(projectId)).forUpdate().fetchMap(PROJECT_MEMBERS.USER_ID,
                        PROJECT_MEMBERS.ROLE);
        ProjectRole role = roles.get(userId);
        if (role == null) {
            throw ApiException.notFound("member");
        }
        return role;
    }

    private static void requireAnotherOwner(DSLContext tx, UUID projectId) {
        int owners = tx.fetchCount(PROJECT_MEMBERS, PROJECT_MEMBERS.PROJECT_ID.eq(projectId),
                PROJECT_MEMBERS.ROLE.eq(ProjectRole.owner));
        if (owners <= 1) {
            throw new ApiException(Status.CONFLICT_409, "last_owner", "a project keeps at least one owner; "
                    + "make someone else owner first");
        }
    }

    private void invitations(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        Page page = Page.of(req);
        var condition = INVITATIONS.PROJECT_ID.eq(caller.projectId()).and(INVITATIONS.ACCEPTED_AT.isNull())
                .and(INVITATIONS.REVOKED_AT.isNull()).and(INVITATIONS.EXPIRES_AT.gt(OffsetDateTime.now()));
        if (page.cursor().isPresent()) {
            condition = condition.and(DSL.row(INVITATIONS.CREATED_AT, INVITATIONS.ID)
                    .lt(page.timePart(0), page.uuidPart(1)));
        }
        List<InvitationView> items = dsl.selectFrom(INVITATIONS).where(condition)
                .orderBy(INVITATIONS.CREATED_AT.desc(), INVITATIONS.ID.desc()).limit(page.limit() + 1)
                .fetch(r -> new InvitationView(r.getId(), r.getEmail(), r.getRole(), r.getInvitedBy(), r.getCreatedAt(),
                        r.getExpiresAt()));
        Json.ok(res, page.body(items, i -> Page.encode(i.createdAt().toString(), i.id().toString())));
    }

    private void invite(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        InvitationRequest body = Json.read(req, InvitationRequest.class);
        String email = EmailAddress.check(body.email(), "email");
        ProjectRole role = Roles.parse(body.role(), "role", ProjectRole.member);
        Roles.checkGrant(caller, null, role);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = "inv-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        NewInvitation created = dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            boolean member = tx.fetchExists(tx.selectOne().from(PROJECT_MEMBERS).join(USERS)
                    .on(USERS.ID.eq(PROJECT_MEMBERS.USER_ID)).where(PROJECT_MEMBERS.PROJECT_ID.eq(caller.projectId()),
                            DSL.lower(USERS.EMAIL).eq(email.toLowerCase(Locale.ROOT))));
            if (member) {
                throw new ApiException(Status.CONFLICT_409, "already_member", "this e-mail address is already a member");
            }
            // a new invitation replaces any pending one for the same address
            tx.update(INVITATIONS).set(INVITATIONS.REVOKED_AT, OffsetDateTime.now())
                    .where(INVITATIONS.PROJECT_ID.eq(caller.projectId()),
                            DSL.lower(INVITATIONS.EMAIL).eq(email.toLowerCase(Locale.ROOT)),
                            INVITATIONS.ACCEPTED_AT.isNull(), INVITATIONS.REVOKED_AT.isNull()).execute();
            var row = tx.insertInto(INVITATIONS).set(INVITATIONS.PROJECT_ID, caller.projectId())
                    .set(INVITATIONS.EMAIL, email).set(INVITATIONS.ROLE, role)
                    .set(INVITATIONS.TOKEN_SHA256, ApiKeyCredentials.hashSecret(token))
                    .set(INVITATIONS.INVITED_BY, caller.userId())
                    .set(INVITATIONS.EXPIRES_AT, OffsetDateTime.now().plus(INVITATION_TTL))
                    .returning().fetchOne();
            AuditLog.record(tx, new AuditEvent(caller.projectId(), Actor.of(req), "invitation.create", "invitation",
                    row.getId().toString(), Map.of("email", email, "role", role.getLiteral())));
            return new NewInvitation(row.getId(), email, role, row.getExpiresAt(), token);
        });
        Json.send(res, Status.CREATED_201, created);
    }

    private void revokeInvitation(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        UUID id = PathParams.uuid(req, "invitation_id", "invitation");
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            int changed = tx.update(INVITATIONS).set(INVITATIONS.REVOKED_AT, OffsetDateTime.now())
                    .where(INVITATIONS.PROJECT_ID.eq(caller.projectId()), INVITATIONS.ID.eq(id),
                            INVITATIONS.ACCEPTED_AT.isNull(), INVITATIONS.REVOKED_AT.isNull()).execute();
            if (changed == 0) {
                throw ApiException.notFound("invitation");
            }
            AuditLog.record(tx, new AuditEvent(caller.projectId(), Actor.of(req), "invitation.revoke", "invitation",
                    id.toString(), Map.of()));
        });
        res.status(Status.NO_CONTENT_204).send();
    }

    private static String name(String raw) {
        String name = raw == null ? "" : raw.trim();
        if (name.isEmpty() || name.length() > 100) {
            throw ApiException.badRequest("invalid_request", "name must have 1 to 100 characters");
        }
        return name;
    }
}
