package dev.argus.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class against a real Argus started in-process: a free loopback port, a
 * fresh plugins folder holding the plugin jar(s) under test, a fresh PostgreSQL database, and a
 * project with an API key that has every scope. Test methods, constructors and {@code @BeforeAll}
 * methods receive an {@link ArgusClient} as a parameter. One Argus serves the whole class and is
 * stopped after it.
 *
 * <p>The database is the PostgreSQL server named by {@code ARGUS_TEST_DATABASE_URL} (with
 * {@code ARGUS_TEST_DATABASE_USER} and {@code ARGUS_TEST_DATABASE_PASSWORD}) when that is set;
 * otherwise a PostgreSQL container when a Docker engine answers; otherwise an embedded PostgreSQL
 * started once per test run. Each annotated class gets its own empty database on that server.
 *
 * <pre>{@code
 * @ArgusTest
 * class MyEvaluatorIT {
 *     @Test
 *     void scoresThroughTheApi(ArgusClient argus) {
 *         JsonNode done = argus.evaluate("my-evaluator", Map.of(), List.of(Map.of("output", "hello")));
 *         assertEquals("completed", done.path("status").asText());
 *     }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ArgusTestExtension.class)
public @interface ArgusTest {

    /**
     * The plugin jars copied into the plugins folder before Argus starts: file paths or glob patterns
     * ({@code target/*.jar}), relative to the working directory (under Maven, the module's folder).
     * The default takes the jar(s) your build packaged, leaving out {@code -sources}, {@code -javadoc},
     * {@code -tests} and {@code original-} jars, so run such tests after {@code package} (with
     * maven-failsafe-plugin, as {@code *IT} classes). Every pattern must match at least one jar. An
     * empty array starts Argus with an empty plugins folder.
     */
    String[] plugins() default {"target/*.jar"};

    /**
     * Extension settings as {@code <extension id>.<setting>=<value>}, e.g. {@code "pii.detectors=email"};
     * Argus validates them against the extension's schema as it would {@code conf/argus.yaml}.
     */
    String[] settings() default {};
}
