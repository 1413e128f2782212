package dev.argus.core.cli;

import dev.argus.core.Argus;
import dev.argus.core.config.ArgusConfig;
import dev.argus.core.demo.DemoTraffic;
import dev.argus.core.config.ConfigException;
import dev.argus.core.config.ConfigLoader;
import dev.argus.core.storage.Database;
import java.nio.file.Path;
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
              plugins [list | install <jar> | remove <plugin-id>]
                        list, add or remove plugin jars (a running server reloads by itself)
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

    private static void run(String command, List<String> args) {
        List<String> words = args.stream().takeWhile(a -> !a.startsWith("--")).toList();
        List<String> rest = args.subList(words.size(), args.size());
        if (!words.isEmpty() && !command.equals("plugins")) {
            throw new ConfigException("unexpected argument " + words.getFirst());
        }
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
            case "plugins" -> PluginCommands.run(words, ConfigLoader.load(file, env, flags));
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
            DemoTraffic.start(argus, config.init().project().orElse("demo")).ifPresent(traffic ->
                    Runtime.getRuntime().addShutdownHook(new Thread(traffic::close, "argus-demo-stop")));
            DemoSetup.printWelcome(url, config);
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
