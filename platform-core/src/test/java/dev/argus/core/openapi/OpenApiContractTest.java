package dev.argus.core.openapi;

import static dev.argus.core.storage.jooq.Tables.USERS;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.sun.net.httpserver.HttpServer;
import dev.argus.core.auth.Access;
import dev.argus.core.auth.ApiKeyCredentials;
import dev.argus.core.auth.ApiKeyScope;
import dev.argus.core.server.RouteTable;
import dev.argus.core.storage.jooq.enums.ProjectRole;
import dev.argus.core.testing.FakeProviderUpstream;
import dev.argus.core.testing.Fixtures;
import dev.argus.core.testing.RunningArgus;
import dev.argus.core.testing.TestPlugins;
import dev.argus.plugins.testkit.WireSamples;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document is true: every registered route is documented with the access it really
 * requires, every documented operation exists, and a representative live request of each route —
 * made with real credentials over real data — sends a body that validates against the documented
 * request schema and gets a response that validates against the documented response schema.
 * Adding a route without documenting it and adding a sample here fails this test.
 */
class OpenApiContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Routes served outside the API routing table (public by nature). */
    private static final Set<String> PLAIN_ROUTES = Set.of("GET /health", "GET /openapi");
    private static final String OWNER = "owner@openapi.test";
    private static final String CHANGER = "changer@openapi.test";

    @TempDir
    static Path plugins;
    static RunningArgus argus;
    static JsonNode document;
    static Fixtures fixtures;
    /** Receives what the webhook alert channel sends. */
    static HttpServer alertReceiver;

    /** Whose credentials a sample request carries. */
    enum As {
        /** No credentials. */
        ANONYMOUS,
        /** The project's API key with every scope ({@code Authorization: Bearer sk-…}). */
        API_KEY,
        /** An API key with only the ingest scope, as an SDK would hold. */
        INGEST_KEY,
        /** The project's owner, signed in (JWT), with {@code X-Argus-Project} naming the project. */
        OWNER,
        /** A second member, signed in, whose password a sample changes (which ends their sessions). */
        CHANGER,
        /**
         * The gateway project's key with only the proxy scope as {@code X-Argus-Key: pk-…:sk-…}, the
         * provider's own key in its usual header, and {@code X-Argus-*} labels.
         */
        PROXY_KEY,
        /** The same proxy key as {@code Authorization: Bearer sk-…} (for Ollama, which takes no provider key), with labels. */
        PROXY_BEARER,
        /** The gateway project's key with only the ingest scope, as an OpenTelemetry exporter would hold. */
        GATEWAY_INGEST_KEY
    }

    /** One representative request of an operation, and the status it should answer. */
    record Sample(String method, String path, String body, int status, As as) {
    }

    private static final Map<String, Sample> SAMPLES = new LinkedHashMap<>();
    private static final Map<As, String> CREDENTIALS = new LinkedHashMap<>();
    static UUID project;
    /** Loopback stand-ins for the providers' APIs behind the proxy. */
    static FakeProviderUpstream openAi;
    static FakeProviderUpstream anthropic;
    static FakeProviderUpstream ollama;

    @BeforeAll
    static void start() throws Exception {
        TestPlugins.copyBundled("provider-mock.jar", plugins);
        TestPlugins.copyBundled("exporter-csv.jar", plugins);
        TestPlugins.copyBundled("exporter-json.jar", plugins);
        TestPlugins.copyBundled("evaluator-text-metrics.jar", plugins);
        TestPlugins.copyBundled("evaluator-rules.jar", plugins);
        openAi = FakeProviderUpstream.openAi();
        anthropic = FakeProviderUpstream.anthropic();
        ollama = FakeProviderUpstream.ollama();
        TestPlugins.copyBundled("alert-webhook.jar", plugins);
        // alert rules are evaluated often, so the alert event sample has an event to show
        argus = RunningArgus.start(plugins, Map.of("ARGUS_PROXY_OPENAI_UPSTREAM", openAi.baseUrl(),
                "ARGUS_PROXY_ANTHROPIC_UPSTREAM", anthropic.baseUrl(), "ARGUS_PROXY_OLLAMA_UPSTREAM", ollama.baseUrl(),
                "ARGUS_ALERTS_EVALUATION_INTERVAL", "200ms"));
        HttpResponse<String> res = argus.send(HttpRequest.newBuilder(argus.uri("/openapi"))
                .header("Accept", "application/json"));
        assertEquals(200, res.statusCode(), res.body());
        document = JSON.readTree(res.body());
        setUpDataAndSamples();
    }

    @AfterAll
    static void stop() {
        argus.close();
        openAi.close();
        anthropic.close();
        ollama.close();
        if (alertReceiver != null) {
            alertReceiver.stop(0);
        }
    }

    /** Data every sample needs, made through the API where the API can make it, then the samples. */
    private static void setUpDataAndSamples() throws Exception {
        fixtures = new Fixtures(argus);
        project = fixtures.project("openapi main");
        UUID scratch = fixtures.project("openapi scratch");
        UUID owner = fixtures.user(OWNER);
        fixtures.member(project, owner, ProjectRole.owner);
        // plugins are the whole server's: only an instance administrator reloads, enables or disables them
        fixtures.dsl().update(USERS).set(USERS.INSTANCE_ADMIN, true).where(USERS.ID.eq(owner)).execute();
        fixtures.member(scratch, owner, ProjectRole.owner);
        UUID viewer = fixtures.user("viewer@openapi.test");
        fixtures.member(project, viewer, ProjectRole.viewer);
        UUID leaver = fixtures.user("leaver@openapi.test");
        fixtures.member(project, leaver, ProjectRole.member);
        fixtures.user("joiner@openapi.test");
        UUID changer = fixtures.user(CHANGER);
        fixtures.member(project, changer, ProjectRole.member);

        CREDENTIALS.put(As.API_KEY, fixtures.key(project, Fixtures.allScopes()).secret());
        CREDENTIALS.put(As.INGEST_KEY, fixtures.key(project, Set.of(ApiKeyScope.INGEST)).secret());
        CREDENTIALS.put(As.OWNER, fixtures.token(OWNER));
        CREDENTIALS.put(As.CHANGER, fixtures.token(CHANGER));
        String refreshToken = fixtures.login(OWNER, Fixtures.password()).path("refresh_token").asText();
        String logoutToken = fixtures.login(OWNER, Fixtures.password()).path("refresh_token").asText();

        String projectPath = "/api/v1/projects/" + project;
        String revokedInvitation = created("POST", projectPath + "/invitations",
                "{\"email\":\"revoked@openapi.test\"}").path("id").asText();
        String invitationToken = created("POST", projectPath + "/invitations",
                "{\"email\":\"accepter@openapi.test\",\"role\":\"viewer\"}").path("token").asText();
        String revokedKey = created("POST", "/api/v1/api-keys", "{\"name\":\"to revoke\",\"scopes\":[\"read\"]}")
                .path("id").asText();
        call("PUT", "/api/v1/secrets/old-secret", "{\"value\":\"a value that is long enough\"}", 200);
        created("POST", "/api/v1/prompts/greeting/versions",
                "{\"template\":\"Hello {{name}}\",\"labels\":[\"production\"]}");
        created("POST", "/api/v1/prompts/greeting/versions",
                "{\"template\":\"Hello {{name}},\\nwelcome!\",\"model\":\"gpt-4o-mini\",\"commit_message\":\"warmer\"}");
        created("POST", "/api/v1/prompts/support/versions", "{\"messages\":[{\"role\":\"user\",\"content\":\"{{q}}\"}]}");
        created("POST", "/api/v1/prompts/support/versions",
                "{\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":\"{{q}}\"}]}");
        String experiment = created("POST", "/api/v1/prompts/support/experiments",
                "{\"name\":\"brevity\",\"variants\":[{\"version\":1,\"weight\":1},{\"version\":2,\"weight\":1}],"
                        + "\"primary_metric\":\"latency_ms\"}").path("id").asText();

        // calls: one priced call with payloads, one failed call of an end user whose data a sample erases
        String ingestBody = "{\"calls\":[{\"provider\":\"openai\",\"model\":\"gpt-4o-mini\","
                + "\"started_at\":\"2026-11-28T10:15:30.250Z\",\"ended_at\":\"2026-11-28T10:15:31.100Z\","
                + "\"time_to_first_token_ms\":240,\"input\":[{\"role\":\"user\",\"content\":\"Why is the sky blue?\"}],"
                + "\"output\":{\"role\":\"assistant\",\"content\":\"Rayleigh scattering.\"},"
                + "\"usage\":{\"input_tokens\":12,\"output_tokens\":5},\"user_id\":\"user-42\","
                + "\"session_id\":\"s-1\",\"trace_id\":\"t-1\",\"prompt\":{\"name\":\"greeting\",\"version\":1},"
                + "\"tags\":[\"docs\"],\"metadata\":{\"region\":\"eu\",\"reference\":\"Rayleigh scattering of sunlight.\"},\"rate_limit\":{\"remaining_requests\":499}},"
                + "{\"provider\":\"anthropic\",\"model\":\"claude-3-5-haiku\",\"started_at\":\"2026-11-28T10:16:00Z\","
                + "\"latency_ms\":1200,\"status\":\"error\",\"error\":{\"category\":\"rate_limit\","
                + "\"message\":\"429 Too Many Requests\",\"http_status\":429},\"input\":\"Hi\",\"user_id\":\"user-gone\"}]}";
        HttpResponse<String> ingested = send(new Sample("POST", "/api/v1/ingest", ingestBody, 200, As.INGEST_KEY));
        assertEquals(200, ingested.statusCode(), ingested.body());
        String callId = JSON.readTree(ingested.body()).path("ids").path(0).asText();

        // calls, prices, data lifecycle
        sample("POST /api/v1/ingest", "POST", "/api/v1/ingest", "{\"calls\":[{\"id\":\"0190f5b2-7c4e-7a4b-9c1d-"
                + "2f3e4a5b6c7d\",\"provider\":\"my-gateway\",\"model\":\"house-model\",\"started_at\":"
                + "\"2026-11-28T11:00:00Z\",\"latency_ms\":350,\"usage\":{\"input_tokens\":10,\"output_tokens\":20,"
                + "\"reasoning_tokens\":5},\"input\":\"Summarise\",\"output\":\"Done\"}]}", 200, As.INGEST_KEY);
        sample("GET /api/v1/calls", "GET", "/api/v1/calls?limit=1&status=success&tag=docs"
                + "&from=2026-11-28T00:00:00Z&min_latency_ms=1", null, 200, As.API_KEY);
        sample("GET /api/v1/calls/{id}", "GET", "/api/v1/calls/" + callId, null, 200, As.API_KEY);
        sample("GET /api/v1/traces/{trace_id}", "GET", "/api/v1/traces/t-1", null, 200, As.API_KEY);
        sample("GET /api/v1/sessions/{session_id}", "GET", "/api/v1/sessions/s-1", null, 200, As.API_KEY);
        sample("GET /api/v1/calls/export", "GET", "/api/v1/calls/export?format=ndjson&provider=openai", null, 200,
                As.API_KEY);
        sample("GET /api/v1/prices", "GET", "/api/v1/prices", null, 200, As.API_KEY);
        sample("PUT /api/v1/prices", "PUT", "/api/v1/prices", "{\"prices\":[{\"provider\":\"my-gateway\","
                + "\"model\":\"house-model\",\"effective_from\":\"2026-01-01\",\"input_per_million\":0.5,"
                + "\"output_per_million\":\"1.5\",\"reasoning_per_million\":null}]}", 200, As.OWNER);
        sample("POST /api/v1/prices/import", "POST", "/api/v1/prices/import?effective_from=2026-11-01&providers=openai",
                "{\"gpt-4o-mini\":{\"litellm_provider\":\"openai\",\"mode\":\"chat\",\"input_cost_per_token\":"
                        + "1.5e-7,\"output_cost_per_token\":6e-7}}", 200, As.OWNER);
        sample("GET /api/v1/data/retention", "GET", "/api/v1/data/retention", null, 200, As.OWNER);
        sample("PUT /api/v1/data/retention", "PUT", "/api/v1/data/retention", "{\"retention_days\":90}", 200, As.OWNER);
        sample("DELETE /api/v1/data/end-users/{user_id}", "DELETE", "/api/v1/data/end-users/user-gone", null, 200,
                As.OWNER);
        // system
        sample("GET /health", "GET", "/health", null, 200, As.ANONYMOUS);
        sample("GET /openapi", "GET", "/openapi?format=json", null, 200, As.ANONYMOUS);
        sample("GET /api/v1/plugins", "GET", "/api/v1/plugins", null, 200, As.API_KEY);
        sample("POST /api/v1/plugins/reload", "POST", "/api/v1/plugins/reload", null, 200, As.OWNER);
        sample("POST /api/v1/plugins/{id}/disable", "POST", "/api/v1/plugins/provider-mock/disable", null, 200, As.OWNER);
        sample("POST /api/v1/plugins/{id}/enable", "POST", "/api/v1/plugins/provider-mock/enable", null, 200, As.OWNER);
        // auth
        sample("POST /api/v1/auth/login", "POST", "/api/v1/auth/login",
                "{\"email\":\"" + OWNER + "\",\"password\":\"" + Fixtures.password() + "\"}", 200, As.ANONYMOUS);
        sample("POST /api/v1/auth/refresh", "POST", "/api/v1/auth/refresh",
                "{\"refresh_token\":\"" + refreshToken + "\"}", 200, As.ANONYMOUS);
        sample("POST /api/v1/auth/logout", "POST", "/api/v1/auth/logout",
                "{\"refresh_token\":\"" + logoutToken + "\"}", 204, As.ANONYMOUS);
        sample("GET /api/v1/auth/me", "GET", "/api/v1/auth/me", null, 200, As.OWNER);
        // the owner and the viewer have no display name yet: naming them once answered 500 (null in the audit summary)
        sample("PATCH /api/v1/auth/me", "PATCH", "/api/v1/auth/me", "{\"display_name\":\"Ada Owner\"}", 200, As.OWNER);
        sample("POST /api/v1/auth/password", "POST", "/api/v1/auth/password", "{\"current_password\":\""
                + Fixtures.password() + "\",\"new_password\":\"another password 2\"}", 200, As.CHANGER);
        // projects, members, invitations
        sample("GET /api/v1/projects", "GET", "/api/v1/projects?limit=2", null, 200, As.OWNER);
        sample("POST /api/v1/projects", "POST", "/api/v1/projects", "{\"name\":\"made by a sample\"}", 201, As.OWNER);
        sample("GET /api/v1/projects/{project_id}", "GET", projectPath, null, 200, As.OWNER);
        sample("PATCH /api/v1/projects/{project_id}", "PATCH", projectPath, "{\"name\":\"openapi main\"}", 200, As.OWNER);
        sample("DELETE /api/v1/projects/{project_id}", "DELETE", "/api/v1/projects/" + scratch, null, 204, As.OWNER);
        sample("GET /api/v1/projects/{project_id}/members", "GET", projectPath + "/members", null, 200, As.OWNER);
        sample("POST /api/v1/projects/{project_id}/members", "POST", projectPath + "/members",
                "{\"email\":\"joiner@openapi.test\",\"role\":\"member\"}", 201, As.OWNER);
        sample("PATCH /api/v1/projects/{project_id}/members/{user_id}", "PATCH", projectPath + "/members/" + viewer,
                "{\"role\":\"member\"}", 200, As.OWNER);
        sample("DELETE /api/v1/projects/{project_id}/members/{user_id}", "DELETE", projectPath + "/members/" + leaver,
                null, 204, As.OWNER);
        sample("GET /api/v1/projects/{project_id}/invitations", "GET", projectPath + "/invitations", null, 200, As.OWNER);
        sample("POST /api/v1/projects/{project_id}/invitations", "POST", projectPath + "/invitations",
                "{\"email\":\"invitee@openapi.test\",\"role\":\"viewer\"}", 201, As.OWNER);
        sample("DELETE /api/v1/projects/{project_id}/invitations/{invitation_id}", "DELETE",
                projectPath + "/invitations/" + revokedInvitation, null, 204, As.OWNER);
        sample("POST /api/v1/invitations/accept", "POST", "/api/v1/invitations/accept", "{\"token\":\""
                + invitationToken + "\",\"password\":\"accepter password 1\",\"display_name\":\"Acc\"}", 200, As.ANONYMOUS);
        // users
        sample("GET /api/v1/users", "GET", "/api/v1/users", null, 200, As.OWNER);
        sample("POST /api/v1/users", "POST", "/api/v1/users", "{\"email\":\"new@openapi.test\",\"password\":"
                + "\"new user password\",\"display_name\":\"New\",\"role\":\"viewer\"}", 201, As.OWNER);
        sample("GET /api/v1/users/{user_id}", "GET", "/api/v1/users/" + viewer, null, 200, As.OWNER);
        sample("PATCH /api/v1/users/{user_id}", "PATCH", "/api/v1/users/" + viewer,
                "{\"display_name\":\"Vera Viewer\"}", 200, As.OWNER);
        // API keys
        sample("GET /api/v1/api-keys", "GET", "/api/v1/api-keys", null, 200, As.OWNER);
        sample("POST /api/v1/api-keys", "POST", "/api/v1/api-keys",
                "{\"name\":\"ingest only\",\"scopes\":[\"ingest\"]}", 201, As.OWNER);
        sample("DELETE /api/v1/api-keys/{key_id}", "DELETE", "/api/v1/api-keys/" + revokedKey, null, 204, As.OWNER);
        // secrets
        sample("GET /api/v1/secrets", "GET", "/api/v1/secrets", null, 200, As.OWNER);
        sample("PUT /api/v1/secrets/{name}", "PUT", "/api/v1/secrets/provider.openai.api_key",
                "{\"value\":\"sk-upstream-0123456789abcdef\"}", 200, As.OWNER);
        sample("DELETE /api/v1/secrets/{name}", "DELETE", "/api/v1/secrets/old-secret", null, 204, As.OWNER);
        // audit (after the changes above, so both have entries)
        sample("GET /api/v1/audit", "GET", "/api/v1/audit?limit=5", null, 200, As.OWNER);
        sample("GET /api/v1/audit/export", "GET", "/api/v1/audit/export", null, 200, As.OWNER);
        // stats
        sample("POST /api/v1/stats/two-sample", "POST", "/api/v1/stats/two-sample",
                "{\"a\":[812,790,845,901,877],\"b\":[702,688,731,760,745],\"bootstrap_resamples\":1000}", 200, As.API_KEY);
        sample("POST /api/v1/stats/proportions", "POST", "/api/v1/stats/proportions",
                "{\"success_a\":12,\"total_a\":100,\"success_b\":25,\"total_b\":100}", 200, As.API_KEY);
        // prompts
        sample("GET /api/v1/prompts", "GET", "/api/v1/prompts", null, 200, As.API_KEY);
        sample("POST /api/v1/prompts/compare", "POST", "/api/v1/prompts/compare", "{\"prompt\":\"greeting\","
                + "\"metric\":\"success_rate\",\"variants\":[{\"version\":1,\"successes\":40,\"total\":100},"
                + "{\"version\":2,\"successes\":55,\"total\":100}]}", 200, As.API_KEY);
        sample("GET /api/v1/prompts/{name}", "GET", "/api/v1/prompts/greeting?label=latest", null, 200, As.API_KEY);
        sample("GET /api/v1/prompts/{name}/versions", "GET", "/api/v1/prompts/greeting/versions", null, 200, As.API_KEY);
        sample("POST /api/v1/prompts/{name}/versions", "POST", "/api/v1/prompts/greeting/versions",
                "{\"template\":\"Hi {{name}}\",\"parameters\":{\"temperature\":0.2},\"labels\":[\"staging\"]}", 201, As.OWNER);
        sample("GET /api/v1/prompts/{name}/diff", "GET", "/api/v1/prompts/greeting/diff?from=1&to=2", null, 200, As.API_KEY);
        sample("GET /api/v1/prompts/{name}/labels", "GET", "/api/v1/prompts/greeting/labels", null, 200, As.API_KEY);
        sample("PUT /api/v1/prompts/{name}/labels/{label}", "PUT", "/api/v1/prompts/greeting/labels/production",
                "{\"version\":2}", 200, As.OWNER);
        sample("POST /api/v1/prompts/{name}/render", "POST", "/api/v1/prompts/support/render",
                "{\"version\":2,\"variables\":{\"q\":\"Why?\"}}", 200, As.API_KEY);
        sample("GET /api/v1/prompts/{name}/resolve", "GET", "/api/v1/prompts/support/resolve?user=user-42", null, 200,
                As.API_KEY);
        sample("GET /api/v1/prompts/{name}/experiments", "GET", "/api/v1/prompts/support/experiments", null, 200,
                As.API_KEY);
        sample("POST /api/v1/prompts/{name}/experiments", "POST", "/api/v1/prompts/greeting/experiments",
                "{\"name\":\"warmth\",\"variants\":[{\"version\":1,\"weight\":30},{\"version\":2,\"weight\":70}],"
                        + "\"primary_metric\":\"feedback\",\"guardrails\":[\"error_rate\"]}", 201, As.OWNER);
        sample("POST /api/v1/prompts/{name}/experiments/{id}/stop", "POST",
                "/api/v1/prompts/support/experiments/" + experiment + "/stop", null, 200, As.OWNER);
        gatewaySamples();
        analyticsAndEvaluationSamples(callId);
        alertSamples();
        llmSamples();
        evaluatorSamples(callId);
    }

    /** Evaluators, synchronous scores, datasets and online evaluation rules. */
    private static void evaluatorSamples(String callId) throws Exception {
        sample("GET /api/v1/evaluators", "GET", "/api/v1/evaluators", null, 200, As.API_KEY);
        sample("POST /api/v1/evaluators/{id}/score", "POST", "/api/v1/evaluators/bleu/score", "{\"candidate\":"
                + "\"It is a guide to action which ensures that the military always obeys the commands of the party.\","
                + "\"reference\":\"It is a guide to action that ensures that the military will forever heed Party "
                + "commands.\",\"config\":{\"tokenize\":\"13a\",\"smooth_method\":\"exp\"}}", 200, As.INGEST_KEY);

        String dataset = created("POST", "/api/v1/datasets", "{\"name\":\"sky questions\",\"description\":\"golden "
                + "answers\",\"items\":[{\"input\":\"Why is the sky blue?\",\"reference\":\"Rayleigh scattering.\","
                + "\"metadata\":{\"topic\":\"physics\"}}]}").path("id").asText();
        call("POST", "/api/v1/datasets/" + dataset + "/items/from-calls", "{\"call_ids\":[\"" + callId + "\"]}", 201);
        String doomed = created("POST", "/api/v1/datasets", "{\"name\":\"to delete\"}").path("id").asText();
        sample("POST /api/v1/datasets", "POST", "/api/v1/datasets", "{\"name\":\"made by a sample\",\"items\":"
                + "[{\"input\":\"2+2?\",\"reference\":\"4\",\"metadata\":{\"output\":\"4\"}}]}", 201, As.INGEST_KEY);
        sample("GET /api/v1/datasets", "GET", "/api/v1/datasets?limit=10", null, 200, As.API_KEY);
        sample("GET /api/v1/datasets/{id}", "GET", "/api/v1/datasets/" + dataset + "?limit=1", null, 200, As.API_KEY);
        sample("DELETE /api/v1/datasets/{id}", "DELETE", "/api/v1/datasets/" + doomed, null, 204, As.OWNER);
        sample("POST /api/v1/datasets/{id}/items", "POST", "/api/v1/datasets/" + dataset + "/items", "{\"items\":"
                + "[{\"input\":\"Largest planet?\",\"reference\":\"Jupiter\"},{\"reference\":\"Mars\"}]}", 201,
                As.INGEST_KEY);
        sample("POST /api/v1/datasets/{id}/items/from-calls", "POST", "/api/v1/datasets/" + dataset
                + "/items/from-calls", "{\"call_ids\":[\"" + callId + "\"]}", 201, As.OWNER);
    }

    /** A chat request through the mock provider, rendered from a stored prompt version. */
    private static void llmSamples() throws Exception {
        created("POST", "/api/v1/prompts/llm-sample/versions",
                "{\"template\":\"Summarise: {{text}}\",\"model\":\"mock-small\",\"labels\":[\"production\"]}");
        sample("POST /api/v1/llm/request", "POST", "/api/v1/llm/request", "{\"provider\":\"mock\",\"prompt\":"
                + "{\"name\":\"llm-sample\",\"variables\":{\"text\":\"Argus logs every call.\"}},\"max_tokens\":64,"
                + "\"user_id\":\"user-42\",\"tags\":[\"docs\"]}", 200, As.OWNER);
    }

    /** Provider keys the proxy samples send; the fake upstreams record them, Argus must only pass them on. */
    private static final String PROVIDER_OPENAI_KEY = "sk-proj-client-own-openai-key-0123456789";
    private static final String PROVIDER_ANTHROPIC_KEY = "sk-ant-api03-client-own-anthropic-key-0123";
    private static final String LABEL_SESSION = "docs-session-1";

    /**
     * The gateway's samples in a project of their own (so the proxied calls do not mix with the main
     * project's data): the proxy of each provider in front of its loopback upstream, and an OTLP export
     * of one GenAI span. Each proxied sample is sent once here and must reach its upstream with the
     * provider's key and without Argus's, come back unchanged, and be logged as a call.
     */
    private static void gatewaySamples() throws Exception {
        UUID gateway = fixtures.project("openapi gateway");
        ApiKeyCredentials proxyKey = fixtures.key(gateway, Set.of(ApiKeyScope.PROXY));
        CREDENTIALS.put(As.PROXY_KEY, proxyKey.publicKey() + ":" + proxyKey.secret());
        CREDENTIALS.put(As.PROXY_BEARER, proxyKey.secret());
        CREDENTIALS.put(As.GATEWAY_INGEST_KEY, fixtures.key(gateway, Set.of(ApiKeyScope.INGEST)).secret());
        String readKey = fixtures.key(gateway, Set.of(ApiKeyScope.READ)).secret();

        sample("POST /proxy/openai/v1/{path}", "POST", "/proxy/openai/v1/chat/completions",
                "{\"model\":\"gpt-5.4\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hi\"}]}", 200, As.PROXY_KEY);
        sample("GET /proxy/openai/v1/{path}", "GET", "/proxy/openai/v1/models", null, 200, As.PROXY_KEY);
        sample("POST /proxy/anthropic/v1/{path}", "POST", "/proxy/anthropic/v1/messages", "{\"model\":"
                + "\"claude-sonnet-4-5\",\"max_tokens\":1024,\"stream\":true,\"messages\":[{\"role\":\"user\","
                + "\"content\":\"Extract the order IDs from: #1042 and #1043\"}]}", 200, As.PROXY_KEY);
        sample("GET /proxy/anthropic/v1/{path}", "GET", "/proxy/anthropic/v1/models?limit=20", null, 200, As.PROXY_KEY);
        sample("POST /proxy/ollama/api/{path}", "POST", "/proxy/ollama/api/chat", "{\"model\":\"llama3.2\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"why is the sky blue?\"}]}", 200, As.PROXY_BEARER);
        sample("GET /proxy/ollama/api/{path}", "GET", "/proxy/ollama/api/tags", null, 200, As.PROXY_BEARER);
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        sample("POST /v1/traces", "POST", "/v1/traces", otlpExport(traceId), 200, As.GATEWAY_INGEST_KEY);

        HttpResponse<String> chat = proxied("POST /proxy/openai/v1/{path}");
        assertEquals(JSON.readTree(WireSamples.text("openai_chat_completions.json")).get("response"),
                JSON.readTree(chat.body()), "the upstream's answer reaches the client unchanged");
        assertEquals("149984", chat.headers().firstValue("x-ratelimit-remaining-tokens").orElse(null),
                "the provider's rate-limit headers are relayed");
        FakeProviderUpstream.Received toOpenAi = openAi.received().getLast();
        assertEquals("/v1/chat/completions", toOpenAi.path());
        assertEquals("Bearer " + PROVIDER_OPENAI_KEY, toOpenAi.headers().get("authorization"));
        assertTrue(toOpenAi.headers().keySet().stream().noneMatch(h -> h.startsWith("x-argus-")),
                "neither the Argus key nor the labels go upstream: " + toOpenAi.headers().keySet());
        proxied("GET /proxy/openai/v1/{path}");
        HttpResponse<String> messages = proxied("POST /proxy/anthropic/v1/{path}");
        assertTrue(messages.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        assertEquals(String.join("", WireSamples.streamPieces("anthropic_stream.txt")), messages.body(),
                "the event stream reaches the client byte for byte");
        assertEquals(PROVIDER_ANTHROPIC_KEY, anthropic.received().getLast().headers().get("x-api-key"));
        proxied("GET /proxy/anthropic/v1/{path}");
        HttpResponse<String> ollamaChat = proxied("POST /proxy/ollama/api/{path}");
        assertEquals(2, ollamaChat.body().lines().count(), "NDJSON relayed line by line: " + ollamaChat.body());
        proxied("GET /proxy/ollama/api/{path}");
        assertTrue(ollama.received().stream().noneMatch(r -> r.headers().containsKey("authorization")),
                "an Argus key sent as Authorization is not forwarded");

        // logged after the client has its answer, so the list may need a moment
        JsonNode logged = JSON.createArrayNode();
        for (int i = 0; i < 200 && logged.size() < 6; i++) {
            HttpResponse<String> list = fixtures.get("/api/v1/calls?limit=50&session_id=" + LABEL_SESSION, readKey);
            assertEquals(200, list.statusCode(), list.body());
            logged = JSON.readTree(list.body()).path("items");
            if (logged.size() < 6) {
                Thread.sleep(50);
            }
        }
        assertEquals(6, logged.size(), "every proxied sample is logged: " + logged);
        Map<String, JsonNode> byModel = new LinkedHashMap<>();
        logged.forEach(call -> byModel.put(call.path("provider").asText() + " " + call.path("model").asText(), call));
        assertEquals(Set.of("openai gpt-5.4", "openai unknown", "anthropic claude-sonnet-4-5-20250929",
                "anthropic unknown", "ollama llama3.2", "ollama unknown"), byModel.keySet());
        assertEquals(10, byModel.get("openai gpt-5.4").path("usage").path("output_tokens").asInt());
        assertEquals(10, byModel.get("anthropic claude-sonnet-4-5-20250929").path("usage").path("output_tokens").asInt());
        assertEquals(282, byModel.get("ollama llama3.2").path("usage").path("output_tokens").asInt());
        assertEquals("[\"docs\",\"gateway\"]", byModel.get("openai gpt-5.4").path("tags").toString());

        // the OTLP export is answered after the commit
        HttpResponse<String> exported = send(SAMPLES.get("POST /v1/traces"));
        assertEquals("{}", exported.body());
        JsonNode span = JSON.readTree(fixtures.get("/api/v1/calls?trace_id=" + traceId, readKey).body()).path("items");
        assertEquals(1, span.size(), span.toString());
        assertEquals("openai gpt-4o-mini-2024-07-18", span.get(0).path("provider").asText() + " "
                + span.get(0).path("model").asText());
        assertEquals(5, span.get(0).path("usage").path("output_tokens").asInt());
        assertEquals("00f067aa0ba902b7", span.get(0).path("span_id").asText());
    }

    /** Sends a proxied sample; fails unless 200. */
    private static HttpResponse<String> proxied(String operation) throws Exception {
        HttpResponse<String> res = send(SAMPLES.get(operation));
        assertEquals(200, res.statusCode(), operation + ": " + res.body());
        return res;
    }

    /** An OTLP/JSON export of one chat span as the OpenTelemetry GenAI semantic conventions describe it. */
    private static String otlpExport(String traceId) {
        long end = Instant.now().minusSeconds(1).toEpochMilli() * 1_000_000L;
        long start = end - 850_000_000L;
        return "{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":"
                + "{\"stringValue\":\"support-bot\"}}]},\"scopeSpans\":[{\"scope\":{\"name\":"
                + "\"opentelemetry.instrumentation.openai_v2\",\"version\":\"2.1b0\"},\"spans\":[{\"traceId\":\""
                + traceId + "\",\"spanId\":\"00f067aa0ba902b7\",\"parentSpanId\":\"\",\"name\":"
                + "\"chat gpt-4o-mini\",\"kind\":3,\"startTimeUnixNano\":\"" + start + "\",\"endTimeUnixNano\":\""
                + end + "\",\"attributes\":["
                + "{\"key\":\"gen_ai.operation.name\",\"value\":{\"stringValue\":\"chat\"}},"
                + "{\"key\":\"gen_ai.provider.name\",\"value\":{\"stringValue\":\"openai\"}},"
                + "{\"key\":\"gen_ai.request.model\",\"value\":{\"stringValue\":\"gpt-4o-mini\"}},"
                + "{\"key\":\"gen_ai.response.model\",\"value\":{\"stringValue\":\"gpt-4o-mini-2024-07-18\"}},"
                + "{\"key\":\"gen_ai.response.id\",\"value\":{\"stringValue\":\"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT\"}},"
                + "{\"key\":\"gen_ai.response.finish_reasons\",\"value\":{\"arrayValue\":{\"values\":"
                + "[{\"stringValue\":\"stop\"}]}}},"
                + "{\"key\":\"gen_ai.usage.input_tokens\",\"value\":{\"intValue\":\"12\"}},"
                + "{\"key\":\"gen_ai.usage.output_tokens\",\"value\":{\"intValue\":\"5\"}},"
                + "{\"key\":\"gen_ai.conversation.id\",\"value\":{\"stringValue\":\"conv-7\"}},"
                + "{\"key\":\"gen_ai.input.messages\",\"value\":{\"stringValue\":\"[{\\\"role\\\":\\\"user\\\","
                + "\\\"parts\\\":[{\\\"type\\\":\\\"text\\\",\\\"content\\\":\\\"Why is the sky blue?\\\"}]}]\"}},"
                + "{\"key\":\"gen_ai.output.messages\",\"value\":{\"stringValue\":\"[{\\\"role\\\":\\\"assistant\\\","
                + "\\\"parts\\\":[{\\\"type\\\":\\\"text\\\",\\\"content\\\":\\\"Rayleigh scattering.\\\"}],"
                + "\\\"finish_reason\\\":\\\"stop\\\"}]\"}}],"
                + "\"status\":{\"code\":1}}]}]}]}";
    }

    /**
     * Analytics over the calls ingested above plus three earlier days of spend (so the cost forecast is
     * fitted), and an evaluation of the first call that has really completed, so its scores are real.
     */
    private static void analyticsAndEvaluationSamples(String callId) throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        StringBuilder history = new StringBuilder("{\"calls\":[");
        for (int daysAgo = 3; daysAgo >= 1; daysAgo--) {
            history.append(daysAgo == 3 ? "" : ",").append("{\"provider\":\"openai\",\"model\":\"gpt-4o-mini\",")
                    .append("\"started_at\":\"").append(today.minusDays(daysAgo)).append("T12:00:00Z\",")
                    .append("\"latency_ms\":").append(200 * daysAgo).append(",\"usage\":{\"input_tokens\":")
                    .append(20_000 * daysAgo).append(",\"output_tokens\":").append(4_000 * daysAgo).append("}");
            if (daysAgo == 1) {
                // the provider's headers, as the gateway records them
                history.append(",\"rate_limit\":{\"x-ratelimit-limit-requests\":\"500\",")
                        .append("\"x-ratelimit-remaining-requests\":\"499\",\"x-ratelimit-reset-requests\":\"120ms\"}");
            }
            history.append("}");
        }
        HttpResponse<String> ingested = send(new Sample("POST", "/api/v1/ingest", history + "]}", 200, As.INGEST_KEY));
        assertEquals(200, ingested.statusCode(), ingested.body());
        String lastDays = "from=" + today.minusDays(3) + "T00:00:00Z&to=" + today + "T00:00:00Z";
        String costs = "/api/v1/analytics/costs?group_by=day&" + lastDays;
        assertTrue(call("GET", costs, null, 200).path("forecast").path("available").asBoolean(),
                "three days of spend give a forecast");

        String callsDay = "from=2026-11-28T00:00:00Z&to=2026-11-29T00:00:00Z";
        sample("GET /api/v1/metrics/dashboard", "GET", "/api/v1/metrics/dashboard?" + callsDay, null, 200, As.API_KEY);
        sample("GET /api/v1/metrics/timeseries", "GET", "/api/v1/metrics/timeseries?metric=latency_p95&interval=1h"
                + "&group_by=model&" + callsDay, null, 200, As.API_KEY);
        sample("GET /api/v1/metrics/latency-distribution", "GET", "/api/v1/metrics/latency-distribution?provider=openai&"
                + callsDay, null, 200, As.API_KEY);
        sample("GET /api/v1/analytics/costs", "GET", costs, null, 200, As.API_KEY);
        sample("GET /api/v1/analytics/rate-limits", "GET", "/api/v1/analytics/rate-limits?provider=openai&model=gpt-4o-mini&"
                + lastDays, null, 200, As.API_KEY);
        sample("GET /metrics", "GET", "/metrics", null, 200, As.API_KEY);

        // the first call carries metadata.reference, which BLEU scores its output against
        String evaluation = call("POST", "/api/v1/evaluations", "{\"evaluator\":\"bleu\",\"call_ids\":[\"" + callId
                + "\"]}", 202).path("id").asText();
        JsonNode view = call("GET", "/api/v1/evaluations/" + evaluation, null, 200);
        for (int polls = 0; polls < 600 && !view.path("status").asText().startsWith("completed"); polls++) {
            Thread.sleep(50);
            view = call("GET", "/api/v1/evaluations/" + evaluation, null, 200);
        }
        assertEquals("completed", view.path("status").asText(), view.toString());
        assertTrue(view.path("items").path(0).path("score").path("value").isNumber(), view.toString());
        sample("POST /api/v1/evaluations", "POST", "/api/v1/evaluations", "{\"evaluator\":\"rouge\",\"config\":"
                + "{\"use_stemmer\":true},\"items\":[{\"input\":\"Why is the sky blue?\",\"output\":\"Rayleigh "
                + "scattering.\",\"reference\":\"Rayleigh scattering of sunlight.\"}]}", 202, As.API_KEY);
        sample("GET /api/v1/evaluations", "GET", "/api/v1/evaluations?limit=10", null, 200, As.API_KEY);
        sample("GET /api/v1/evaluations/{id}", "GET", "/api/v1/evaluations/" + evaluation, null, 200, As.API_KEY);
        sample("GET /api/v1/calls/{id}/scores", "GET", "/api/v1/calls/" + callId + "/scores", null, 200, As.API_KEY);
    }

    /**
     * Alert channels (a webhook posting to a loopback receiver) and rules; one rule watches
     * {@code requests >= 0}, which holds at once, so it fires and the event history has a delivered event.
     */
    private static void alertSamples() throws Exception {
        alertReceiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        alertReceiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        alertReceiver.start();
        String hookUrl = "http://127.0.0.1:" + alertReceiver.getAddress().getPort() + "/hook";
        String channel = created("POST", "/api/v1/alerts/channels", "{\"name\":\"ops hook\",\"extension_id\":"
                + "\"webhook\",\"settings\":{\"url\":\"" + hookUrl + "\",\"secret\":\"whsec-openapi-0123456789\"}}")
                .path("id").asText();
        String oldChannel = created("POST", "/api/v1/alerts/channels", "{\"name\":\"old hook\",\"extension_id\":"
                + "\"webhook\",\"settings\":{\"url\":\"" + hookUrl + "\"}}").path("id").asText();
        String rule = created("POST", "/api/v1/alerts/rules", "{\"name\":\"always\",\"metric\":\"requests\","
                + "\"window_seconds\":60,\"comparator\":\"gte\",\"threshold\":0,\"severity\":\"info\","
                + "\"channel_ids\":[\"" + channel + "\"]}").path("id").asText();
        String oldRule = created("POST", "/api/v1/alerts/rules", "{\"name\":\"old rule\",\"metric\":\"tokens\","
                + "\"window_seconds\":3600,\"comparator\":\"gt\",\"threshold\":1000000,\"severity\":\"warning\","
                + "\"enabled\":false}").path("id").asText();
        String events = "/api/v1/alerts/events?rule_id=" + rule + "&limit=10";
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!call("GET", events, null, 200).path("items").path(0).path("deliveries").path(0).path("status")
                .asText().equals("delivered")) {
            assertTrue(System.nanoTime() < deadline, "the rule 'always' fired no delivered event: "
                    + call("GET", events, null, 200));
            Thread.sleep(100);
        }

        sample("GET /api/v1/alerts/rules", "GET", "/api/v1/alerts/rules", null, 200, As.OWNER);
        sample("POST /api/v1/alerts/rules", "POST", "/api/v1/alerts/rules", "{\"name\":\"errors high\","
                + "\"metric\":\"error_rate\",\"provider\":\"openai\",\"model\":\"gpt-4o-mini\",\"prompt_name\":"
                + "\"greeting\",\"window_seconds\":300,\"comparator\":\"gt\",\"threshold\":0.05,\"for_seconds\":120,"
                + "\"cooldown_seconds\":600,\"severity\":\"critical\",\"channel_ids\":[\"" + channel + "\"],"
                + "\"enabled\":true}", 201, As.OWNER);
        sample("GET /api/v1/alerts/rules/{id}", "GET", "/api/v1/alerts/rules/" + rule, null, 200, As.OWNER);
        sample("PUT /api/v1/alerts/rules/{id}", "PUT", "/api/v1/alerts/rules/" + rule, "{\"name\":\"always\","
                + "\"metric\":\"requests\",\"window_seconds\":60,\"comparator\":\"gte\",\"threshold\":0,"
                + "\"cooldown_seconds\":3600,\"severity\":\"warning\",\"channel_ids\":[\"" + channel + "\"]}", 200,
                As.OWNER);
        sample("DELETE /api/v1/alerts/rules/{id}", "DELETE", "/api/v1/alerts/rules/" + oldRule, null, 204, As.OWNER);
        sample("GET /api/v1/alerts/channels", "GET", "/api/v1/alerts/channels", null, 200, As.OWNER);
        sample("POST /api/v1/alerts/channels", "POST", "/api/v1/alerts/channels", "{\"name\":\"audit hook\","
                + "\"extension_id\":\"webhook\",\"settings\":{\"url\":\"" + hookUrl + "\",\"secret\":"
                + "\"whsec-audit-0123456789\",\"timeout\":\"5s\",\"headers\":\"Authorization: Bearer t0ken\"}}", 201,
                As.OWNER);
        sample("GET /api/v1/alerts/channels/{id}", "GET", "/api/v1/alerts/channels/" + channel, null, 200, As.OWNER);
        sample("DELETE /api/v1/alerts/channels/{id}", "DELETE", "/api/v1/alerts/channels/" + oldChannel, null, 204,
                As.OWNER);
        sample("POST /api/v1/alerts/channels/{id}/test", "POST", "/api/v1/alerts/channels/" + channel + "/test", null,
                200, As.OWNER);
        sample("GET /api/v1/alerts/events", "GET", events, null, 200, As.OWNER);
    }

    private static void sample(String operation, String method, String path, String body, int status, As as) {
        SAMPLES.put(operation, new Sample(method, path, body, status, as));
    }

    /** Makes test data as the owner; fails unless 201. */
    private static JsonNode created(String method, String path, String body) throws Exception {
        return call(method, path, body, 201);
    }

    private static JsonNode call(String method, String path, String body, int status) throws Exception {
        HttpResponse<String> res = send(new Sample(method, path, body, status, As.OWNER));
        assertEquals(status, res.statusCode(), method + " " + path + ": " + res.body());
        return JSON.readTree(res.body());
    }

    private static HttpResponse<String> send(Sample sample) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(argus.uri(sample.path()))
                .method(sample.method(), sample.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(sample.body()));
        if (sample.body() != null) {
            request.header("Content-Type", "application/json");
        }
        if (sample.as() == As.PROXY_KEY) {
            request.header("X-Argus-Key", CREDENTIALS.get(As.PROXY_KEY));
            if (sample.path().startsWith("/proxy/openai/")) {
                request.header("Authorization", "Bearer " + PROVIDER_OPENAI_KEY);
            } else if (sample.path().startsWith("/proxy/anthropic/")) {
                request.header("x-api-key", PROVIDER_ANTHROPIC_KEY).header("anthropic-version", "2023-06-01");
            }
        } else if (sample.as() != As.ANONYMOUS) {
            request.header("Authorization", "Bearer " + CREDENTIALS.get(sample.as()));
        }
        if (sample.as() == As.PROXY_KEY || sample.as() == As.PROXY_BEARER) {
            request.header("X-Argus-User", "user-42").header("X-Argus-Session", LABEL_SESSION)
                    .header("X-Argus-Tags", "docs, gateway");
        }
        if (sample.as() == As.OWNER) {
            request.header("X-Argus-Project", project.toString());
        }
        return argus.send(request);
    }

    @Test
    void documentIsServedAsYamlToo() throws Exception {
        HttpResponse<String> res = argus.get("/openapi");
        assertEquals(200, res.statusCode());
        JsonNode yaml = new ObjectMapper(new YAMLFactory()).readTree(res.body());
        assertEquals("3.1.0", yaml.path("openapi").asText());
        assertEquals(document, JSON.readTree(argus.get("/openapi?format=json").body()));
    }

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedOperationExists() {
        Set<String> registered = new TreeSet<>(PLAIN_ROUTES);
        for (RouteTable.Route route : argus.argus().routes().routes()) {
            registered.add(route.method() + " " + documentedPath(route.path()));
        }
        Set<String> documented = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                    documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            });
        }
        assertEquals(registered, documented, "routes registered vs documented in META-INF/openapi.yaml");
        assertEquals(registered, new TreeSet<>(SAMPLES.keySet()), "every route needs a sample request in this test");
    }

    @Test
    void everyOperationStatesTheAccessItsRouteRequires() {
        List<String> wrong = new ArrayList<>();
        for (RouteTable.Route route : argus.argus().routes().routes()) {
            checkAccess(route.method() + " " + documentedPath(route.path()), route.access(), wrong);
        }
        for (String plain : PLAIN_ROUTES) {
            checkAccess(plain, Access.anyone(), wrong);
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    private static void checkAccess(String key, Access access, List<String> wrong) {
        JsonNode operation = operation(key);
        String documented = operation.path("x-argus-access").asText();
        if (!documented.equals(describe(access))) {
            wrong.add(key + ": x-argus-access is '" + documented + "' but the route requires '" + describe(access) + "'");
        }
        JsonNode security = operation.get("security");
        String expected = access.open() ? "[]" : access.keyScope() == null ? "[{\"bearerAuth\":[]}]" : null;
        String actual = security == null ? null : security.toString();
        if (expected == null ? actual != null : !expected.equals(actual)) {
            wrong.add(key + ": security is " + actual + " but should be " + (expected == null ? "the default" : expected));
        }
    }

    /** How x-argus-access names an access requirement. */
    private static String describe(Access access) {
        if (access.open()) {
            return "anyone";
        }
        if (access.userOnly()) {
            return "user";
        }
        if (access.instanceAdmin()) {
            return "instance admin";
        }
        String role = access.minimumRole() == null ? null : access.minimumRole().getLiteral();
        String key = access.keyScope() == null ? null : access.keyScope().wireName() + " key";
        return role == null ? key : key == null ? role : role + " or " + key;
    }

    @Test
    void liveResponsesMatchTheirDocumentedSchemas() throws Exception {
        List<String> failures = new ArrayList<>();
        for (var entry : SAMPLES.entrySet()) {
            failures.addAll(check(entry.getKey(), entry.getValue()));
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void errorResponsesMatchTheDocumentedErrors() throws Exception {
        String members = "/api/v1/projects/" + project + "/members";
        Map<String, Sample> errors = new LinkedHashMap<>();
        errors.put("GET /api/v1/projects", new Sample("GET", "/api/v1/projects", null, 401, As.ANONYMOUS));
        errors.put("GET /api/v1/users", new Sample("GET", "/api/v1/users", null, 403, As.API_KEY));
        errors.put("GET /api/v1/prompts/{name}", new Sample("GET", "/api/v1/prompts/missing", null, 404, As.API_KEY));
        errors.put("POST /api/v1/projects", new Sample("POST", "/api/v1/projects", "{\"name\":\"\"}", 400, As.OWNER));
        errors.put("POST /api/v1/projects/{project_id}/members", new Sample("POST", members,
                "{\"email\":\"" + OWNER + "\"}", 409, As.OWNER));
        errors.put("POST /api/v1/ingest", new Sample("POST", "/api/v1/ingest",
                "{\"calls\":[{\"provider\":\"OpenAI\",\"model\":\"m\",\"started_at\":\"2026-11-28T10:00:00Z\"}]}",
                400, As.INGEST_KEY));
        errors.put("GET /api/v1/calls/{id}", new Sample("GET", "/api/v1/calls/" + UUID.randomUUID(), null, 404,
                As.API_KEY));
        List<String> failures = new ArrayList<>();
        for (var entry : errors.entrySet()) {
            failures.addAll(check(entry.getKey(), entry.getValue()));
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** Degenerate data gets null p-values with reasons (never NaN, never a 500) and still matches the schemas. */
    @Test
    void degenerateStatisticsStillMatchTheirSchemas() throws Exception {
        String twoSample = "POST /api/v1/stats/two-sample";
        String proportions = "POST /api/v1/stats/proportions";
        String compare = "POST /api/v1/prompts/compare";
        List<Map.Entry<String, String>> requests = List.of(
                Map.entry(twoSample, "{\"a\":[1],\"b\":[2]}"),
                Map.entry(twoSample, "{\"a\":[3,3,3],\"b\":[3,3,3],\"continuity\":false}"),
                Map.entry(twoSample, "{\"a\":[0,0],\"b\":[0,1],\"mann_whitney_method\":\"exact\"}"),
                Map.entry(proportions, "{\"success_a\":0,\"total_a\":1,\"success_b\":0,\"total_b\":1}"),
                Map.entry(proportions, "{\"success_a\":5,\"total_a\":5,\"success_b\":5,\"total_b\":5,\"yates\":false}"),
                Map.entry(compare, "{\"metric\":\"latency_ms\",\"variants\":[{\"version\":1,\"values\":[5]},"
                        + "{\"version\":2,\"values\":[5]}]}"),
                Map.entry(compare, "{\"metric\":\"success_rate\",\"variants\":[{\"version\":1,\"successes\":0,"
                        + "\"total\":1},{\"version\":2,\"successes\":1,\"total\":1},{\"version\":3,\"successes\":1,"
                        + "\"total\":1}]}"));
        List<String> failures = new ArrayList<>();
        for (var request : requests) {
            String path = request.getKey().split(" ", 2)[1];
            failures.addAll(check(request.getKey() + " " + request.getValue(),
                    new Sample("POST", path, request.getValue(), 200, As.API_KEY)));
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** Sends the sample and checks its request body, status and response against the document. */
    private static List<String> check(String key, Sample sample) throws Exception {
        List<String> failures = new ArrayList<>();
        JsonNode operation = operation(key);
        if (sample.body() != null && sample.status() < 400) {
            JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
            if (schema.isMissingNode()) {
                failures.add(key + " documents no JSON request body");
            } else {
                Set<ValidationMessage> errors = schemaFor(schema).validate(JSON.readTree(sample.body()));
                if (!errors.isEmpty()) {
                    failures.add(key + " sample request does not match its schema: " + errors);
                }
            }
        }
        HttpResponse<String> res = send(sample);
        if (res.statusCode() != sample.status()) {
            failures.add(key + ": expected " + sample.status() + " but got " + res.statusCode() + ": " + res.body());
            return failures;
        }
        JsonNode response = operation.path("responses").path(String.valueOf(sample.status()));
        if (response.has("$ref")) {
            response = resolve(response.get("$ref").asText());
        }
        if (response.isMissingNode()) {
            failures.add(key + " does not document status " + sample.status());
            return failures;
        }
        if (sample.status() == 204) {
            if (response.has("content") || !res.body().isEmpty()) {
                failures.add(key + ": 204 must be documented and answered without content");
            }
            return failures;
        }
        String type = res.headers().firstValue("Content-Type").orElse("").split(";")[0].trim().toLowerCase(Locale.ROOT);
        JsonNode schema = response.path("content").path(type).path("schema");
        if (schema.isMissingNode()) {
            failures.add(key + " documents no schema of " + type + " for " + sample.status());
            return failures;
        }
        JsonSchema validator = schemaFor(schema);
        List<String> bodies = type.equals("application/x-ndjson")
                ? res.body().lines().filter(line -> !line.isBlank()).toList() : List.of(res.body());
        if (bodies.isEmpty()) {
            failures.add(key + ": the sample should answer at least one NDJSON line");
        }
        for (String body : bodies) {
            // text formats (Prometheus exposition, CSV) are one string, checked against a `type: string` schema
            JsonNode answered = type.startsWith("text/") ? JSON.getNodeFactory().textNode(body) : JSON.readTree(body);
            Set<ValidationMessage> errors = validator.validate(answered);
            if (!errors.isEmpty()) {
                failures.add(key + " response does not match its schema: " + errors + "\n  " + abbreviate(body));
            }
        }
        return failures;
    }

    private static String abbreviate(String body) {
        return body.length() > 600 ? body.substring(0, 600) + "…" : body;
    }

    private static JsonNode operation(String key) {
        String[] parts = key.split(" ", 3);
        return document.path("paths").path(documentedPath(parts[1])).path(parts[0].toLowerCase(Locale.ROOT));
    }

    /** A wildcard route such as {@code /proxy/openai/v1/*} is documented as {@code /proxy/openai/v1/{path}}. */
    private static String documentedPath(String routePath) {
        return routePath.endsWith("/*") ? routePath.substring(0, routePath.length() - 1) + "{path}" : routePath;
    }

    private static JsonNode resolve(String ref) {
        JsonNode node = document;
        for (String part : ref.substring(2).split("/")) {
            node = node.path(part);
        }
        return node;
    }

    /** Wraps an OpenAPI schema with the document's components as JSON Schema 2020-12 {@code $defs}. */
    private static JsonSchema schemaFor(JsonNode schema) throws Exception {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("$defs", document.path("components").path("schemas"));
        root.setAll((ObjectNode) schema);
        String text = JSON.writeValueAsString(root).replace("#/components/schemas/", "#/$defs/");
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JSON.readTree(text));
    }
}
