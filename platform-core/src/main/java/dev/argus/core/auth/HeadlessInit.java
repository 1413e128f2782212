package dev.argus.core.auth;

import static dev.argus.core.storage.jooq.Tables.API_KEYS;
import static dev.argus.core.storage.jooq.Tables.ORGANIZATIONS;
import static dev.argus.core.storage.jooq.Tables.PROJECTS;
import static dev.argus.core.storage.jooq.Tables.PROJECT_MEMBERS;
import static dev.argus.core.storage.jooq.Tables.USERS;

import dev.argus.core.config.ArgusConfig;
import dev.argus.core.storage.jooq.enums.ProjectRole;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * {@code ARGUS_INIT_*}: on start, creates the configured project, admin user (owner of that project)
 * and API key (every scope on that project) when they do not exist yet. Existing ones are left as
 * they are, so restarting with the same settings changes nothing.
 */
public final class HeadlessInit {

    private static final System.Logger LOG = System.getLogger(HeadlessInit.class.getName());
    static final String DEFAULT_PROJECT = "default";
    static final String DEFAULT_ORGANIZATION = "Default organization";

    private final DSLContext dsl;
    private final PasswordHasher hasher;

    public HeadlessInit(DSLContext dsl, PasswordHasher hasher) {
        this.dsl = dsl;
        this.hasher = hasher;
    }

    /** Applies the init settings in one transaction. */
    public void apply(ArgusConfig.Init init) {
        if (init.adminEmail().isEmpty() && init.project().isEmpty() && init.apiKey().isEmpty()) {
            return;
        }
        Optional<ApiKeyCredentials> key = init.apiKey().map(ApiKeyCredentials::parse);
        dsl.transaction(tx -> {
            DSLContext db = tx.dsl();
            // serialise concurrent first starts of several nodes
            db.execute("select pg_advisory_xact_lock(hashtext('argus-headless-init'))");
            UUID projectId = ensureProject(db, init.project().orElse(DEFAULT_PROJECT));
            Optional<UUID> userId = init.adminEmail().map(email -> ensureAdmin(db, email, init.adminPassword().orElseThrow(), projectId));
            key.ifPresent(k -> ensureKey(db, k, projectId, userId.orElse(null)));
        });
    }

    private UUID ensureProject(DSLContext db, String name) {
        UUID existing = db.select(PROJECTS.ID).from(PROJECTS).where(PROJECTS.NAME.eq(name)).limit(1).fetchOne(PROJECTS.ID);
        if (existing != null) {
            return existing;
        }
        UUID organization = db.select(ORGANIZATIONS.ID).from(ORGANIZATIONS)
                .orderBy(ORGANIZATIONS.CREATED_AT).limit(1).fetchOne(ORGANIZATIONS.ID);
        if (organization == null) {
            organization = db.insertInto(ORGANIZATIONS).set(ORGANIZATIONS.NAME, DEFAULT_ORGANIZATION)
                    .returning(ORGANIZATIONS.ID).fetchOne().getId();
        }
        UUID id = db.insertInto(PROJECTS).set(PROJECTS.ORGANIZATION_ID, organization).set(PROJECTS.NAME, name)
                .returning(PROJECTS.ID).fetchOne().getId();
        LOG.log(System.Logger.Level.INFO, "Created project {0}", name);
        return id;
    }

    private UUID ensureAdmin(DSLContext db, String email, String password, UUID projectId) {
        UUID userId = db.select(USERS.ID).from(USERS).where(DSL.lower(USERS.EMAIL).eq(email.toLowerCase()))
                .fetchOne(USERS.ID);
        if (userId == null) {
            userId = db.insertInto(USERS).set(USERS.EMAIL, email).set(USERS.PASSWORD_HASH, hasher.hash(password))
                    .set(USERS.DISPLAY_NAME, "Administrator").set(USERS.INSTANCE_ADMIN, true).returning(USERS.ID).fetchOne().getId();
            LOG.log(System.Logger.Level.INFO, "Created admin user {0}", email);
        }
        db.insertInto(PROJECT_MEMBERS).set(PROJECT_MEMBERS.PROJECT_ID, projectId).set(PROJECT_MEMBERS.USER_ID, userId)
                .set(PROJECT_MEMBERS.ROLE, ProjectRole.owner).onConflictDoNothing().execute();
        return userId;
    }

    private void ensureKey(DSLContext db, ApiKeyCredentials key, UUID projectId, UUID createdBy) {
        boolean exists = db.fetchExists(API_KEYS, API_KEYS.PUBLIC_KEY.eq(key.publicKey()));
        if (exists) {
            return;
        }
        db.insertInto(API_KEYS).set(API_KEYS.PROJECT_ID, projectId).set(API_KEYS.NAME, "init")
                .set(API_KEYS.PUBLIC_KEY, key.publicKey()).set(API_KEYS.SECRET_SHA256, ApiKeyCredentials.hashSecret(key.secret()))
                .set(API_KEYS.SCOPES, Arrays.stream(ApiKeyScope.values()).map(ApiKeyScope::wireName).toArray(String[]::new))
                .set(API_KEYS.CREATED_BY, createdBy).execute();
        LOG.log(System.Logger.Level.INFO, "Created API key {0} with every scope", key.publicKey());
    }
}
