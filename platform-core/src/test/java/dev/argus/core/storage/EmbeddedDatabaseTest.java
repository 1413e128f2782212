package dev.argus.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {

    @Test
    void secondStartReusesTheData(@TempDir Path dataDir) {
        try (Database db = Database.connect(EmbeddedDatabase.start(dataDir), 2)) {
            db.migrate();
            db.dsl().execute("insert into organizations (name) values ('kept')");
            // acknowledged means durable: the embedded server must not run with test-only shortcuts
            assertEquals("on", db.dsl().fetchValue("show fsync"));
            assertEquals("on", db.dsl().fetchValue("show synchronous_commit"));
        }
        try (Database db = Database.connect(EmbeddedDatabase.start(dataDir), 2)) {
            db.migrate();
            assertEquals("kept", db.dsl().fetchValue("select name from organizations"));
        }
    }
}
