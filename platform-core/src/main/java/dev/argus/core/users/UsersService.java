package dev.argus.core.users;

import static dev.argus.core.storage.jooq.Tables.PROJECTS;
import static dev.argus.core.storage.jooq.Tables.PROJECT_MEMBERS;
import static dev.argus.core.storage.jooq.Tables.USERS;

import dev.argus.core.audit.Actor;
import dev.argus.core.audit.AuditEvent;
import dev.argus.core.audit.AuditLog;
import dev.argus.core.auth.Access;
import dev.argus.core.auth.Caller;
import dev.argus.core.auth.EmailAddress;
import dev.argus.core.auth.PasswordHasher;
import dev.argus.core.auth.PasswordPolicy;
import dev.argus.core.auth.Sessions;
import dev.argus.core.projects.Roles;
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
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * {@code /api/v1/users}, for project admins: the users of the selected project's organisation (all
 * users for instance administrators). Creating a user also makes them a member of the selected
 * project. Accounts that also belong to other organisations can only be changed by an instance
 * administrator, so one organisation's admin cannot lock another's users out.
 */
public final class UsersService implements ApiService {

    private final DSLContext dsl;
    private final PasswordHasher hasher;

    public UsersService(DSLContext dsl, PasswordHasher hasher) {
        this.dsl = dsl;
        this.hasher = hasher;
    }

    record UserView(UUID id, String email, String displayName, boolean disabled, boolean instanceAdmin,
                    OffsetDateTime createdAt) {
    }

    record CreateRequest(String email, String password, String displayName, String role) {
    }

    record UpdateRequest(String displayName, Boolean disabled, String password) {
    }

    @Override
    public void routes(ApiRules rules) {
        rules.get("/", Access.role(ProjectRole.admin), this::list);
        rules.post("/", Access.role(ProjectRole.admin), this::create);
        rules.get("/{user_id}", Access.role(ProjectRole.admin), this::get);
        rules.patch("/{user_id}", Access.role(ProjectRole.admin), this::update);
    }

    private boolean instanceAdmin(Caller caller) {
        return Boolean.TRUE.equals(dsl.select(USERS.INSTANCE_ADMIN).from(USERS).where(USERS.ID.eq(caller.userId()))
                .fetchOne(USERS.INSTANCE_ADMIN));
    }

    private UUID organization(Caller caller) {
        return dsl.select(PROJECTS.ORGANIZATION_ID).from(PROJECTS).where(PROJECTS.ID.eq(caller.projectId()))
                .fetchOne(PROJECTS.ORGANIZATION_ID);
    }

    /** Users the caller may see: members of any project of the caller's organisation. */
    private Condition visible(Caller caller) {
        if (instanceAdmin(caller)) {
            return DSL.noCondition();
        }
        return USERS.ID.in(DSL.select(PROJECT_MEMBERS.USER_ID).from(PROJECT_MEMBERS).join(PROJECTS)
                .on(PROJECTS.ID.eq(PROJECT_MEMBERS.PROJECT_ID)).where(PROJECTS.ORGANIZATION_ID.eq(organization(caller))));
    }

    private static UserView view(dev.argus.core.storage.jooq.tables.records.UsersRecord u) {
        return new UserView(u.getId(), u.getEmail(), u.getDisplayName(), u.getDisabled(), u.getInstanceAdmin(),
                u.getCreatedAt());
    }

    private void list(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        Page page = Page.of(req);
        var email = DSL.lower(USERS.EMAIL);
        Condition condition = visible(caller);
        if (page.cursor().isPresent()) {
            condition = condition.and(email.gt(page.part(0)));
        }
        List<UserView> items = dsl.selectFrom(USERS).where(condition).orderBy(email).limit(page.limit() + 1)
                .fetch(UsersService::view);
        Json.ok(res, page.body(items, u -> Page.encode(u.email().toLowerCase(Locale.ROOT))));
    }

    private void get(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        UUID id = PathParams.uuid(req, "user_id", "user");
        var user = dsl.selectFrom(USERS).where(USERS.ID.eq(id)).and(visible(caller)).fetchOne();
        if (user == null) {
            throw ApiException.notFound("user");
        }
        Json.ok(res, view(user));
    }

    private void create(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        CreateRequest body = Json.read(req, CreateRequest.class);
        String email = EmailAddress.check(body.email(), "email");
        String password = PasswordPolicy.check(body.password(), "password");
        ProjectRole role = Roles.parse(body.role(), "role", ProjectRole.member);
        Roles.checkGrant(caller, null, role);
        String name = body.displayName() == null || body.displayName().isBlank() ? null : body.displayName().trim();
        String hash = hasher.hash(password);
        UserView created = dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            if (tx.fetchExists(USERS, DSL.lower(USERS.EMAIL).eq(email.toLowerCase(Locale.ROOT)))) {
                throw new ApiException(Status.CONFLICT_409, "email_taken", "a user with this e-mail address exists; "
                        + "add them with POST /api/v1/projects/{project_id}/members");
            }
            var user = tx.insertInto(USERS).set(USERS.EMAIL, email).set(USERS.PASSWORD_HASH, hash)
                    .set(USERS.DISPLAY_NAME, name).returning().fetchOne();
            tx.insertInto(PROJECT_MEMBERS).set(PROJECT_MEMBERS.PROJECT_ID, caller.projectId())
                    .set(PROJECT_MEMBERS.USER_ID, user.getId()).set(PROJECT_MEMBERS.ROLE, role).execute();
            AuditLog.record(tx, new AuditEvent(caller.projectId(), Actor.of(req), "user.create", "user",
                    user.getId().toString(), Map.of("email", email, "role", role.getLiteral())));
            return view(user);
        });
        Json.send(res, Status.CREATED_201, created);
    }

    private void update(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        UUID id = PathParams.uuid(req, "user_id", "user");
        UpdateRequest body = Json.read(req, UpdateRequest.class);
        String password = body.password() == null ? null : PasswordPolicy.check(body.password(), "password");
        String name = body.displayName() == null ? null : body.displayName().trim();
        if (name != null && (name.isEmpty() || name.length() > 200)) {
            throw ApiException.badRequest("invalid_request", "display_name must have 1 to 200 characters");
        }
        if (name == null && body.disabled() == null && password == null) {
            throw ApiException.badRequest("invalid_request", "give at least one of display_name, disabled, password");
        }
        boolean instanceAdmin = instanceAdmin(caller);
        Condition visible = visible(caller);
        UUID organization = organization(caller);
        String hash = password == null ? null : hasher.hash(password);
        UserView updated = dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            var user = tx.selectFrom(USERS).where(USERS.ID.eq(id)).and(visible).forUpdate().fetchOne();
            if (user == null) {
                throw ApiException.notFound("user");
            }
            if (!instanceAdmin) {
                boolean elsewhere = tx.fetchExists(tx.selectOne().from(PROJECT_MEMBERS).join(PROJECTS)
                        .on(PROJECTS.ID.eq(PROJECT_MEMBERS.PROJECT_ID))
                        .where(PROJECT_MEMBERS.USER_ID.eq(id), PROJECTS.ORGANIZATION_ID.ne(organization)));
                if (elsewhere || user.getInstanceAdmin()) {
                    throw new ApiException(Status.FORBIDDEN_403, "forbidden", "this user also belongs to other "
                            + "organisations; only an instance administrator may change the account");
                }
                ProjectRole targetRole = tx.select(PROJECT_MEMBERS.ROLE).from(PROJECT_MEMBERS)
                        .where(PROJECT_MEMBERS.PROJECT_ID.eq(caller.projectId()), PROJECT_MEMBERS.USER_ID.eq(id))
                        .fetchOne(PROJECT_MEMBERS.ROLE);
                if (targetRole == ProjectRole.owner) {
                    Roles.checkGrant(caller, targetRole, targetRole);
                }
            }
            if (Boolean.TRUE.equals(body.disabled()) && id.equals(caller.userId())) {
                throw new ApiException(Status.CONFLICT_409, "cannot_disable_self", "you cannot disable your own account");
            }
            Map<String, Object> summary = new LinkedHashMap<>();
            Map<org.jooq.Field<?>, Object> changes = new LinkedHashMap<>();
            if (name != null) {
                changes.put(USERS.DISPLAY_NAME, name);
                summary.put("display_name_before", user.getDisplayName());
                summary.put("display_name_after", name);
            }
            if (body.disabled() != null) {
                changes.put(USERS.DISABLED, body.disabled());
                summary.put("disabled_before", user.getDisabled());
                summary.put("disabled_after", body.disabled());
            }
            if (hash != null) {
                changes.put(USERS.PASSWORD_HASH, hash);
                summary.put("password_reset", true);
            }
            tx.update(USERS).set(changes).where(USERS.ID.eq(id)).execute();
            if (hash != null || Boolean.TRUE.equals(body.disabled())) {
                summary.put("sessions_revoked", Sessions.revokeAll(tx, id, hash != null ? "password_reset" : "disabled"));
            }
            AuditLog.record(tx, new AuditEvent(caller.projectId(), Actor.of(req), "user.update", "user", id.toString(),
                    summary));
            return view(tx.selectFrom(USERS).where(USERS.ID.eq(id)).fetchOne());
        });
        Json.ok(res, updated);
    }
}
