package dev.argus.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;

class PluginJarsTest {

    @TempDir
    Path module;

    @Test
    void theDefaultPatternTakesThePluginJarAndLeavesOutWhatMavenBuildsBesideIt() throws Exception {
        Path target = Files.createDirectories(module.resolve("target"));
        for (String name : List.of("my-plugin-1.0.jar", "my-plugin-1.0-sources.jar", "my-plugin-1.0-javadoc.jar",
                "my-plugin-1.0-tests.jar", "original-my-plugin-1.0.jar", "notes.txt")) {
            Files.writeString(target.resolve(name), "x");
        }
        assertEquals(List.of(target.resolve("my-plugin-1.0.jar")), PluginJars.find(module, List.of("target/*.jar")));
    }

    @Test
    void aPatternThatMatchesNothingExplainsWhereJarsComeFrom() {
        ExtensionConfigurationException e = assertThrows(ExtensionConfigurationException.class,
                () -> PluginJars.find(module, List.of("target/*.jar")));
        assertTrue(e.getMessage().contains("failsafe"), e.getMessage());
    }

    @Test
    void aPlainPathNamesOneJar() throws Exception {
        Path jar = Files.writeString(Files.createDirectories(module.resolve("lib")).resolve("other.jar"), "x");
        assertEquals(List.of(jar), PluginJars.find(module, List.of("lib/other.jar", "lib/*.jar")));
    }

    @Test
    void settingsBecomeTheYamlArgusReads() {
        var settings = StartedArgus.parseSettings(List.of("pii.detectors=email,phone", "pii.note=a \"b\": c", "bleu.lowercase=true"));
        assertEquals("email,phone", settings.get("pii").get("detectors"));
        assertEquals("""
                plugins:
                  extensions:
                    "bleu":
                      "lowercase": "true"
                    "pii":
                      "detectors": "email,phone"
                      "note": "a \\"b\\": c"
                """, StartedArgus.yaml(settings));
        assertThrows(ExtensionConfigurationException.class, () -> StartedArgus.parseSettings(List.of("detectors=email")));
        assertThrows(ExtensionConfigurationException.class, () -> StartedArgus.parseSettings(List.of("pii.detectors")));
    }

    @Test
    void dockerIsNotAskedForWhenItIsSwitchedOff() {
        assertEquals(false, DockerEngine.present(java.util.Map.of("ARGUS_TEST_DOCKER", "false",
                "DOCKER_HOST", "unix:///var/run/docker.sock")));
        assertEquals(true, DockerEngine.present(java.util.Map.of("DOCKER_HOST", "tcp://127.0.0.1:2375")));
    }

    @Test
    void aDatabaseNameReplacesTheOneInTheUrl() {
        assertEquals("jdbc:postgresql://127.0.0.1:5432/argus_kit_x",
                PostgresServer.withDatabase("jdbc:postgresql://127.0.0.1:5432/test", "argus_kit_x"));
        assertEquals("jdbc:postgresql://localhost:34571/argus_kit_x?user=postgres",
                PostgresServer.withDatabase("jdbc:postgresql://localhost:34571/postgres?user=postgres", "argus_kit_x"));
    }
}
