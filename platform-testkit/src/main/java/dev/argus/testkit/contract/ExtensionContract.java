package dev.argus.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argus.api.ArgusExtension;
import dev.argus.api.ConfigField;
import dev.argus.api.ConfigSchema;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the host expects of every extension, whatever its kind. Extend {@link EvaluatorContract},
 * {@link ExporterContract} or {@link AlertChannelContract} rather than this class.
 *
 * @param <T> the extension point
 */
public abstract class ExtensionContract<T extends ArgusExtension> {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+([-_][a-z0-9]+)*");
    private static final Pattern SETTING = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    /** A new instance, not yet initialised, exactly as PF4J would create it (its public no-argument constructor). */
    protected abstract T newExtension();

    /** The settings the tests initialise the extension with; by default none, so the schema's defaults apply. */
    protected Map<String, String> settings() {
        return Map.of();
    }

    /** A new instance initialised with {@link #settings()} through its schema, as the host does. */
    protected final T initialised() {
        return TestContext.init(newExtension(), settings());
    }

    @Test
    void idIsLowerCaseWordsJoinedByDashesOrUnderscores() {
        String id = newExtension().id();
        assertTrue(id != null && ID.matcher(id).matches(),
                "id() must be lower-case letters and digits joined by - or _, but is '" + id + "'");
    }

    @Test
    void everyInstanceReportsTheSameIdBeforeAndAfterInit() {
        String id = newExtension().id();
        assertEquals(id, newExtension().id(), "two instances report different ids");
        assertEquals(id, initialised().id(), "init changed the id");
    }

    @Test
    void displayNameIsNotBlank() {
        String name = newExtension().displayName();
        assertTrue(name != null && !name.isBlank(), "displayName() is what the console shows; it must not be blank");
    }

    @Test
    void hostCanCreateItThroughAPublicNoArgumentConstructor() throws Exception {
        Class<?> type = newExtension().getClass();
        assertTrue(Modifier.isPublic(type.getModifiers()), type.getName() + " must be public for PF4J to create it");
        assertFalse(Modifier.isAbstract(type.getModifiers()), type.getName() + " must not be abstract");
        Constructor<?> constructor = type.getDeclaredConstructor();
        assertTrue(Modifier.isPublic(constructor.getModifiers()),
                type.getName() + " needs a public no-argument constructor: the host creates one instance per configuration");
        assertEquals(newExtension().id(), ((ArgusExtension) constructor.newInstance()).id());
    }

    @Test
    void settingNamesAreLowerSnakeCase() {
        for (ConfigField field : newExtension().configSchema().fields()) {
            assertTrue(SETTING.matcher(field.name()).matches(),
                    "setting '" + field.name() + "' must be lower_snake_case: users write it in YAML and JSON");
        }
    }

    @Test
    void everyDefaultValuePassesItsOwnField() {
        for (ConfigField field : newExtension().configSchema().fields()) {
            if (field.defaultValue() != null) {
                assertEquals(java.util.Optional.empty(), field.check(field.defaultValue()),
                        "the default of '" + field.name() + "' fails its own type");
            }
        }
    }

    @Test
    void theSettingsUnderTestFitTheSchema() {
        ConfigSchema schema = newExtension().configSchema();
        List<String> problems = schema.validate(settings());
        assertEquals(List.of(), problems, "settings() do not fit configSchema()");
        assertDoesNotThrow(this::initialised, "init rejected settings that its schema accepts");
    }

    @Test
    void initCanBeCalledAgainWhenTheSettingsChange() {
        T extension = initialised();
        assertDoesNotThrow(() -> TestContext.init(extension, settings()),
                "the host calls init again when the configuration changes");
    }
}
