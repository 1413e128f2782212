package dev.argus.core.testing;

import static dev.argus.core.storage.jooq.Tables.API_KEYS;
import static dev.argus.core.storage.jooq.Tables.ORGANIZATIONS;
import static dev.argus.core.storage.jooq.Tables.PROJECTS;
import static dev.argus.core.storage.jooq.Tables.PROJECT_MEMBERS;
import static dev.argus.core.storage.jooq.Tables.USERS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.argus.core.auth.ApiKeyCredentials;
import dev.argus.core.auth.ApiKeyScope;
import dev.argus.core.auth.PasswordHasher;
import dev.argus.core.storage.jooq.enums.ProjectRole;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;

/** Test data for security tests: organisations, projects, users, memberships and keys, plus sign-in over HTTP. */
public final class Fixtures {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final PasswordHasher HASHER = new PasswordHasher();
    private static final String PASSWORD = "fixture password 1";
    private static String passwordHash;

    private final RunningArgus argus;
    private final DSLContext dsl;

    public Fixtures(RunningArgus argus) {
        this.argus = argus;
        this.dsl = argus.argus().database().dsl();
    }

    /** The password every fixture user has. */
    public static String password() {
        return PASSWORD;
    }

    public DSLContext dsl() {
        return dsl;
    }

    /** A new organisation with one project. */
    public UUID project(String name) {
        UUID org = dsl.insertInto(ORGANIZATIONS).set(ORGANIZATIONS.NAME, "org " + name).returning(ORGANIZATIONS.ID)
                .fetchOne().getId();
        return dsl.insertInto(PROJECTS).set(PROJECTS.ORGANIZATION_ID, org).set(PROJECTS.NAME, name)
                .returning(PROJECTS.ID).fetchOne().getId();
    }

    /** A new user with {@link #password()}. */
    public synchronized UUID user(String email) {
        if (passwordHash == null) {
            passwordHash = HASHER.hash(password());
        }
        return dsl.insertInto(USERS).set(USERS.EMAIL, email).set(USERS.PASSWORD_HASH, passwordHash)
                .returning(USERS.ID).fetchOne().getId();
    }

    public void member(UUID projectId, UUID userId, ProjectRole role) {
        dsl.insertInto(PROJECT_MEMBERS).set(PROJECT_MEMBERS.PROJECT_ID, projectId).set(PROJECT_MEMBERS.USER_ID, userId)
                .set(PROJECT_MEMBERS.ROLE, role).execute();
    }

    /** A new API key of the project with these scopes; returns {@code pk:sk}. */
    public ApiKeyCredentials key(UUID projectId, Set<ApiKeyScope> scopes) {
        ApiKeyCredentials credentials = ApiKeyCredentials.generate();
        dsl.insertInto(API_KEYS).set(API_KEYS.PROJECT_ID, projectId).set(API_KEYS.NAME, "fixture")
                .set(API_KEYS.PUBLIC_KEY, credentials.publicKey())
                .set(API_KEYS.SECRET_SHA256, ApiKeyCredentials.hashSecret(credentials.secret()))
                .set(API_KEYS.SCOPES, scopes.stream().map(ApiKeyScope::wireName).sorted().toArray(String[]::new))
                .execute();
        return credentials;
    }

    /** Signs in over HTTP; the response body as JSON (fails unless 200). */
    public JsonNode login(String email, String password) throws Exception {
        HttpResponse<String> res = post("/api/v1/auth/login",
                JSON.writeValueAsString(java.util.Map.of("email", email, "password", password)), null);
        if (res.statusCode() != 200) {
            throw new AssertionError("login of " + email + " gave " + res.statusCode() + ": " + res.body());
        }
        return JSON.readTree(res.body());
    }

    /** An access token for the user. */
    public String token(String email) throws Exception {
        return login(email, password()).path("access_token").asText();
    }

    public HttpResponse<String> post(String path, String body, String bearer, String... headers) throws Exception {
        return send("POST", path, body, bearer, headers);
    }

    public HttpResponse<String> get(String path, String bearer, String... headers) throws Exception {
        return send("GET", path, null, bearer, headers);
    }

    /** Sends a request with an optional JSON body, bearer credential and extra header pairs. */
    public HttpResponse<String> send(String method, String path, String body, String bearer, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(argus.uri(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return argus.send(request);
    }

    /** The error code of an error response, or an empty string. */
    public static String errorCode(HttpResponse<String> res) {
        try {
            return JSON.readTree(res.body()).path("error").path("code").asText();
        } catch (Exception e) {
            return "";
        }
    }

    /** The error message of an error response, or an empty string. */
    public static String errorMessage(HttpResponse<String> res) {
        try {
            return JSON.readTree(res.body()).path("error").path("message").asText();
        } catch (Exception e) {
            return "";
        }
    }

    /** Every scope. */
    public static Set<ApiKeyScope> allScopes() {
        return Set.copyOf(Arrays.asList(ApiKeyScope.values()));
    }
}
