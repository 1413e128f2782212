package dev.argus.testkit.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.argus.testkit.ArgusClient;
import dev.argus.testkit.ArgusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The out-of-tree example plugin, built by Maven on its own the way a third party would build it,
 * then dropped into a running Argus, used through the REST API and removed again, all without a
 * restart.
 *
 * <p>The build gets a temporary local repository holding only this build's platform-api,
 * platform-testkit and what they need from the reactor (platform-core, web-ui, the parent pom);
 * everything else (plugins, JUnit, …) it copies from the outer build's local repository, which a
 * settings file names as the only mirror. So the build reaches no network, and nothing is ever
 * installed into the real local repository.
 */
@ArgusTest(plugins = {})
class ExamplePluginBuildIT {

    private static final List<String> PUBLISHED = List.of("platform-api", "platform-testkit", "platform-core", "web-ui");

    @Test
    void theExampleBuildsAloneAndIsLoadedUsedAndUnloadedWithoutARestart(ArgusClient argus, @TempDir Path work)
            throws Exception {
        Path root = Path.of(System.getProperty("argus.source.root"));
        String version = System.getProperty("argus.version");
        Path outer = Path.of(System.getProperty("argus.outer.repository"));
        Path repository = seedRepository(work.resolve("repository"), root, version);
        Path settings = Files.writeString(work.resolve("settings.xml"), """
                <settings>
                  <mirrors>
                    <mirror>
                      <id>outer-build-repository</id>
                      <mirrorOf>*</mirrorOf>
                      <url>%1$s</url>
                    </mirror>
                  </mirrors>
                  <!-- a local repository keeps no checksum files: do not ask for them -->
                  <profiles>
                    <profile>
                      <id>no-checksums</id>
                      <repositories>
                        <repository>
                          <id>central</id>
                          <url>%1$s</url>
                          <releases><checksumPolicy>ignore</checksumPolicy></releases>
                          <snapshots><enabled>false</enabled></snapshots>
                        </repository>
                      </repositories>
                      <pluginRepositories>
                        <pluginRepository>
                          <id>central</id>
                          <url>%1$s</url>
                          <releases><checksumPolicy>ignore</checksumPolicy></releases>
                          <snapshots><enabled>false</enabled></snapshots>
                        </pluginRepository>
                      </pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>no-checksums</activeProfile></activeProfiles>
                </settings>
                """.formatted(outer.toUri()));
        Path project = copyTree(root.resolve("examples/evaluator-pii"), work.resolve("evaluator-pii"));

        // verify = package (unit and contract tests) + the example's own @ArgusTest integration test
        java.time.Instant started = java.time.Instant.now().minusSeconds(1);
        build(root, project, settings, repository, version, work.resolve("build.log"));

        Path jar = project.resolve("target/evaluator-pii-1.0.0.jar");
        assertTrue(Files.isRegularFile(jar), "the example's build made no " + jar.getFileName());
        assertEquals(List.of(), writtenSince(started, outer.resolve("com/example/argus"), outer.resolve("dev/argus")),
                "the example's build wrote into the real local repository");

        assertTrue(argus.plugin("evaluator-pii").isEmpty());
        JsonNode plugin = argus.installPlugin(jar);
        assertEquals("started", plugin.path("state").asText(), plugin.toString());
        assertEquals("1.0.0", plugin.path("version").asText());
        assertEquals("active", argus.extension("evaluator", "pii").orElseThrow().path("state").asText());

        JsonNode done = argus.evaluate("pii", Map.of(), List.of(
                Map.of("output", "Paris is the capital of France."),
                Map.of("output", "Mail jane@example.com, card 4111 1111 1111 1111.")));
        assertEquals("completed", done.path("status").asText(), done.toString());
        assertEquals(1.0, done.path("items").get(0).path("score").path("value").asDouble(), done.toString());
        JsonNode flagged = done.path("items").get(1).path("score");
        assertEquals(0.0, flagged.path("value").asDouble(), done.toString());
        assertEquals(1, flagged.path("details").path("counts").path("email").asInt(), flagged.toString());
        assertEquals(1, flagged.path("details").path("counts").path("credit_card").asInt(), flagged.toString());

        argus.removePlugin("evaluator-pii");
        assertTrue(argus.extension("evaluator", "pii").isEmpty(), "pii is still listed after its jar was removed");
        var refused = argus.post("/api/v1/evaluations", Map.of("evaluator", "pii", "items", List.of(Map.of("output", "x"))));
        assertTrue(refused.status() >= 400 && refused.status() < 500, refused.toString());
    }

    /** Lays out the reactor's artifacts as a local repository does; files without remote markers count as installed. */
    private static Path seedRepository(Path repository, Path root, String version) throws IOException {
        place(root.resolve("pom.xml"), repository, "argus-parent", version, "pom");
        for (String module : PUBLISHED) {
            Path jar = root.resolve(module).resolve("target").resolve(module + "-" + version + ".jar");
            assertTrue(Files.isRegularFile(jar), jar + " is missing: run this test with 'verify', after 'package'");
            place(root.resolve(module).resolve("pom.xml"), repository, module, version, "pom");
            place(jar, repository, module, version, "jar");
        }
        return repository;
    }

    private static void place(Path file, Path repository, String artifactId, String version, String extension)
            throws IOException {
        Path folder = Files.createDirectories(repository.resolve("dev/argus").resolve(artifactId).resolve(version));
        Files.copy(file, folder.resolve(artifactId + "-" + version + "." + extension), StandardCopyOption.REPLACE_EXISTING);
    }

    private static void build(Path root, Path project, Path settings, Path repository, String version, Path log)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(root.resolve("mvnw").toString(), "-B", "-s", settings.toString(),
                "-Dmaven.repo.local=" + repository, "-Dargus.version=" + version, "-f", project.resolve("pom.xml").toString(),
                "verify"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("MAVEN_ARGS");
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the example's build did not finish in 10 minutes:\n" + tail(log));
        }
        assertEquals(0, process.exitValue(), () -> "the example's build failed:\n" + tail(log));
        String output = Files.readString(log, StandardCharsets.UTF_8);
        output.lines().filter(l -> l.contains("Tests run:") || l.contains("WARN") || l.contains("Total time"))
                .forEach(l -> System.out.println("[example build] " + l));
        assertTrue(output.contains("PiiEvaluatorContractTest") && output.contains("PiiEvaluatorIT"),
                "the example's contract test and integration test did not run:\n" + tail(log));
    }

    private static List<Path> writtenSince(java.time.Instant since, Path... folders) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Path folder : folders) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> walk = Files.walk(folder)) {
                    for (Path file : walk.filter(Files::isRegularFile).toList()) {
                        if (Files.getLastModifiedTime(file).toInstant().isAfter(since)) {
                            written.add(file);
                        }
                    }
                }
            }
        }
        return written;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        } catch (IOException e) {
            return "(no build log: " + e + ")";
        }
    }

    private static Path copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.filter(p -> !from.relativize(p).startsWith("target")).toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return to;
    }
}
