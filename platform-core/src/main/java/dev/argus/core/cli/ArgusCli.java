package dev.argus.core.cli;

import dev.argus.core.Argus;
import dev.argus.core.config.ArgusConfig;
import dev.argus.core.config.ConfigException;
import dev.argus.core.config.ConfigLoader;
import dev.argus.core.plugins.PluginHost;
import dev.argus.core.plugins.PluginStatus;
import dev.argus.core.storage.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/** {@code argus start|demo|migrate|plugins [--port N] [--data-dir DIR] [--database-url URL] [--config FILE]}. */
public final class ArgusCli {

    private static final String USAGE = """
            usage: argus <command> [options]
              start     run the server
              demo      run the server with a ready admin login, API key and demo traffic
              migrate   apply database migrations and exit
              plugins   list the plugins found in the plugins folder and exit
            options:
              --port N              HTTP port (default 8080; 0 picks a free port)
              --data-dir DIR        where the embedded database keeps its files (default ./data)
              --database-url URL    use an external PostgreSQL (jdbc:postgresql://host/db)
              --database-user U, --database-password P
              --plugins-dir DIR     plugin jars (default ./plugins)
              --config FILE         YAML configuration (default conf/argus.yaml when present)
            """;

    private ArgusCli() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.print(USAGE);
            return;
        }
        try {
            run(args[0], Arrays.asList(args).subList(1, args.length));
        } catch (ConfigException e) {
            System.err.println("argus: " + e.getMessage());
            System.exit(2);
        }
    }

    private static void run(String command, List<String> rest) {
        Map<String, String> flags = new java.util.LinkedHashMap<>(ConfigLoader.parseFlags(rest));
        Optional<Path> file = Optional.ofNullable(flags.remove("--config"))
                .or(() -> Optional.ofNullable(System.getenv("ARGUS_CONFIG_FILE")))
                .map(Path::of)
                .or(() -> Optional.of(Path.of("conf", "argus.yaml")));
        Map<String, String> env = System.getenv();
        switch (command) {
            case "start" -> serve(ConfigLoader.load(file, env, flags), false);
            case "demo" -> serve(ConfigLoader.load(file, DemoSetup.withDemoDefaults(env), flags), true);
            case "migrate" -> {
                ArgusConfig config = ConfigLoader.load(file, env, flags);
                try (Database database = Argus.openDatabase(config.database())) {
                    database.migrate();
                    System.out.println("Migrations applied.");
                }
            }
            case "plugins" -> listPlugins(ConfigLoader.load(file, env, flags));
            default -> throw new ConfigException("unknown command " + command + "\n" + USAGE);
        }
    }

    private static void serve(ArgusConfig config, boolean demo) {
        long started = System.nanoTime();
        Argus argus = Argus.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Argus is stopping: draining requests, then stopping the database.");
            argus.close();
            stopped.countDown();
        }, "argus-shutdown"));
        String url = "http://localhost:" + argus.port();
        System.out.printf("Argus %s is up at %s (started in %d ms)%n", dev.argus.api.SpiVersion.CURRENT, url,
                (System.nanoTime() - started) / 1_000_000);
        if (argus.database().embedded()) {
            System.out.println("Data: " + argus.database().embeddedDirectory());
        }
        if (demo) {
            DemoSetup.printWelcome(url, config);
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void listPlugins(ArgusConfig config) {
        PluginHost host = new PluginHost(config.plugins().dir(), config.plugins().extensions(), Clock.systemUTC());
        host.start();
        System.out.println("Plugins in " + config.plugins().dir() + ":");
        for (PluginStatus plugin : host.statuses()) {
            System.out.printf("  %-24s %-10s %-8s %s%s%n", plugin.id(), plugin.version() == null ? "-" : plugin.version(),
                    plugin.state(), plugin.jar() == null ? "(built in)" : plugin.jar(),
                    plugin.error() == null ? "" : "  — " + plugin.error());
            for (PluginStatus.ExtensionStatus e : plugin.extensions()) {
                System.out.printf("      %-14s %-20s %s%n", e.kind(), e.id(), e.state());
            }
        }
        host.close();
    }
}
