package dev.argus.core.server;

import dev.argus.core.auth.Authenticator;
import dev.argus.core.config.ArgusConfig;
import io.helidon.http.encoding.ContentEncodingContext;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.websocket.WsRouting;
import java.util.List;

/**
 * The Helidon web server: one listener, JSON errors everywhere, security headers and CORS, body limits, and
 * the features' routes mounted in the order given (the console last, as it catches everything).
 */
public final class ArgusServer {

    /**
     * A feature's routes and where they are mounted: either API routes that declare their access,
     * or a plain service (health, console) that is public by nature.
     *
     * @param path    the mount path, e.g. {@code /api/v1/plugins}
     * @param api     the feature's API routes, or {@code null}
     * @param service a plain service, or {@code null}
     */
    public record Mount(String path, ApiService api, HttpService service) {
        public static Mount api(String path, ApiService api) {
            return new Mount(path, api, null);
        }

        public static Mount plain(String path, HttpService service) {
            return new Mount(path, null, service);
        }
    }

    private ArgusServer() {
    }

    /** Builds and starts the server. */
    public static WebServer start(ArgusConfig.Server config, ArgusConfig.Security security, List<Mount> mounts,
                                  Authenticator authenticator, RouteTable routeTable, WsRouting.Builder sockets) {
        HttpRouting.Builder routing = HttpRouting.builder();
        routing.addFilter(new WebHygiene(security));
        ErrorMapping.register(routing);
        for (Mount mount : mounts) {
            if (mount.api() != null) {
                routing.register(mount.path(), rules -> mount.api().routes(
                        new ApiRules(rules, mount.path(), authenticator, routeTable)));
            } else {
                routing.register(mount.path(), mount.service());
            }
        }
        return WebServer.builder()
                .host(config.host())
                .port(config.port())
                .maxPayloadSize(config.maxBodyBytes())
                .shutdownGracePeriod(config.shutdownGrace())
                .shutdownHook(false) // Argus stops the server itself, before the database
                .directHandlers(ErrorMapping.directHandlers())
                .contentEncoding(ContentEncodingContext.builder().contentEncodingsDiscoverServices(false)
                        .addContentEncoding(new GzipRequestDecoding()).build())
                .routing(routing)
                .addRouting(sockets)
                .build()
                .start();
    }
}
