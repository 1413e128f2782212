import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Build step for the console, run by Maven with the machine's Node.js and npm (nothing is downloaded
 * but the npm packages of the committed lockfile).
 *
 * <ul>
 *   <li>{@code install}: {@code npm ci}, only when node_modules is missing or package-lock.json changed
 *   since the last install;</li>
 *   <li>{@code build <outDir> <stampFile>}: check that the generated API types match the OpenAPI document,
 *   type-check and {@code vite build} into outDir, skipped when no input changed since the last build
 *   (recorded in stampFile);</li>
 *   <li>{@code test}: {@code vitest run}.</li>
 * </ul>
 * Argument 1 is the web-ui folder, argument 2 the command.
 */
public class NpmBuild {

    private static final boolean WINDOWS = System.getProperty("os.name").toLowerCase().contains("win");
    // the OpenAPI document is an input because the build checks the generated API types against it
    private static final List<String> BUILD_INPUTS = List.of("src", "public", "index.html", "package-lock.json",
            "vite.config.ts", "tsconfig.json", "tsconfig.app.json", "tsconfig.node.json", "tsconfig.test.json",
            "build/api-types.mjs", "../platform-core/src/main/resources/META-INF/openapi.yaml");

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).toAbsolutePath();
        String command = args[1];
        requireNode(dir);
        switch (command) {
            case "install" -> install(dir);
            case "build" -> build(dir, Path.of(args[2]).toAbsolutePath(), Path.of(args[3]).toAbsolutePath());
            case "test" -> run(dir, "npm", "run", "test");
            default -> throw new IllegalArgumentException("unknown command " + command);
        }
    }

    private static void install(Path dir) throws Exception {
        Path stamp = dir.resolve("node_modules/.argus-lock.sha256");
        String lock = digest(dir, List.of("package-lock.json", "package.json"));
        if (Files.isDirectory(dir.resolve("node_modules")) && Files.exists(stamp)
                && Files.readString(stamp).equals(lock)) {
            System.out.println("[console] node_modules matches package-lock.json, npm ci skipped");
            return;
        }
        run(dir, "npm", "ci", "--no-audit", "--no-fund");
        Files.writeString(stamp, lock);
    }

    private static void build(Path dir, Path outDir, Path stamp) throws Exception {
        String inputs = digest(dir, BUILD_INPUTS);
        if (Files.exists(outDir.resolve("index.html")) && Files.exists(stamp) && Files.readString(stamp).equals(inputs)) {
            System.out.println("[console] sources unchanged since the last build, vite build skipped");
            return;
        }
        run(dir, "npm", "run", "build", "--", "--outDir", outDir.toString(), "--emptyOutDir");
        Files.writeString(stamp, inputs);
    }

    private static void requireNode(Path dir) {
        for (String tool : List.of("node", "npm")) {
            try {
                Process p = new ProcessBuilder(executable(tool), "--version").directory(dir.toFile())
                        .redirectErrorStream(true).start();
                String version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                if (p.waitFor() == 0) {
                    if (tool.equals("node") && !nodeIsRecentEnough(version)) {
                        System.err.println("\n[console] Node.js " + version + " is too old: the console's build (Vite) needs 20.19 or newer.\n");
                        System.exit(2);
                    }
                    continue;
                }
            } catch (IOException e) {
                // not on PATH
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.err.println("""

                    [console] '%s' was not found on PATH. The web console is built with the machine's Node.js (20.19 or newer) and npm.
                    [console] Install them (Debian/Ubuntu: apt-get install -y nodejs npm, or from nodejs.org), then build again.
                    """.formatted(tool));
            System.exit(2);
        }
    }

    private static boolean nodeIsRecentEnough(String version) {
        String[] parts = version.replaceFirst("^v", "").split("\\.");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return major > 20 || (major == 20 && minor >= 19);
        } catch (NumberFormatException e) {
            return true; // an unusual version string: let the build itself decide
        }
    }

    private static void run(Path dir, String... command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(command));
        cmd.set(0, executable(cmd.get(0)));
        System.out.println("[console] " + String.join(" ", command));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).inheritIO().start();
        int code = p.waitFor();
        if (code != 0) {
            System.err.println("[console] '" + String.join(" ", command) + "' failed with exit code " + code);
            System.exit(code);
        }
    }

    private static String executable(String tool) {
        return WINDOWS ? tool + ".cmd" : tool;
    }

    /** A digest of the given files and folders (paths and contents), in a stable order. */
    private static String digest(Path dir, List<String> inputs) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (String input : inputs) {
            Path root = dir.resolve(input);
            if (!Files.exists(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList()) {
                    sha.update(dir.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                    sha.update(Files.readAllBytes(file));
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
