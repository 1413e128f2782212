package dev.argus.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Map;

/** Checks that a value is made only of what JSON can hold, as the host stores scores' details as JSON. */
final class JsonValues {

    private JsonValues() {
    }

    static void check(String path, Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return;
        }
        if (value instanceof Number number) {
            assertTrue(!(number instanceof Double d) || Double.isFinite(d), path + " is " + value + ", which JSON cannot hold");
            assertTrue(!(number instanceof Float f) || Float.isFinite(f), path + " is " + value + ", which JSON cannot hold");
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                assertTrue(e.getKey() instanceof String, path + " has a key that is not a string: " + e.getKey());
                check(path + "." + e.getKey(), e.getValue());
            }
            return;
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                check(path + "[" + i + "]", list.get(i));
            }
            return;
        }
        fail(path + " is a " + value.getClass().getName() + "; use strings, numbers, booleans, lists and maps");
    }
}
