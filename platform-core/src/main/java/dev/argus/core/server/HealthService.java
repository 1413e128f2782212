package dev.argus.core.server;

import dev.argus.api.SpiVersion;
import dev.argus.core.plugins.PluginHost;
import dev.argus.core.plugins.PluginStatus;
import dev.argus.core.storage.Database;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /health}: 200 UP when the database answers, 503 DOWN otherwise; plugin counts for information. */
public final class HealthService implements HttpService {

    private final Database database;
    private final PluginHost plugins;

    public HealthService(Database database, PluginHost plugins) {
        this.database = database;
        this.plugins = plugins;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::health);
    }

    private void health(ServerRequest req, ServerResponse res) {
        long start = System.nanoTime();
        boolean databaseUp = database.ping();
        long databaseMillis = (System.nanoTime() - start) / 1_000_000;
        long started = plugins.statuses().stream().filter(p -> p.state().equals("started")).count();
        long broken = plugins.statuses().stream().filter(p -> !p.state().equals("started")).count();

        Map<String, Object> db = new LinkedHashMap<>();
        db.put("status", databaseUp ? "UP" : "DOWN");
        db.put("mode", database.embedded() ? "embedded" : "external");
        db.put("latency_ms", databaseMillis);
        Map<String, Object> pluginCheck = new LinkedHashMap<>();
        pluginCheck.put("status", "UP");
        pluginCheck.put("started", started);
        pluginCheck.put("not_started", broken);
        pluginCheck.put("problems", plugins.statuses().stream().filter(p -> p.error() != null)
                .map(PluginStatus::jar).toList());

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", databaseUp ? "UP" : "DOWN");
        body.put("version", SpiVersion.CURRENT);
        body.put("checks", Map.of("database", db, "plugins", pluginCheck));
        Json.send(res, databaseUp ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503, body);
    }
}
