import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.ForcedType;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;

/**
 * Build step: migrate a throw-away embedded PostgreSQL with the project's Flyway migrations and
 * generate jOOQ classes from the live schema (exact types for JSONB, enums, arrays, UUIDs). Skips
 * the work when the migrations have not changed since the last run.
 *
 * Arguments: migration directory, output directory, package name.
 */
public class JooqCodegen {
    public static void main(String[] args) throws Exception {
        Path migrations = Path.of(args[0]);
        Path output = Path.of(args[1]);
        String packageName = args[2];
        Path stamp = output.resolve(".migrations.sha256");
        String digest = digest(migrations);
        if (Files.exists(stamp) && Files.readString(stamp).equals(digest)) {
            System.out.println("[jooq-codegen] migrations unchanged, keeping generated sources");
            return;
        }
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            String url = pg.getJdbcUrl("postgres", "postgres");
            Flyway.configure().dataSource(url, "postgres", "").locations("filesystem:" + migrations).load().migrate();
            Configuration configuration = new Configuration()
                    .withJdbc(new Jdbc().withDriver("org.postgresql.Driver").withUrl(url).withUser("postgres"))
                    .withGenerator(new Generator()
                            .withDatabase(new Database()
                                    .withName("org.jooq.meta.postgres.PostgresDatabase")
                                    .withInputSchema("public")
                                    // partition children and Flyway's own table are not part of the model
                                    .withExcludes("flyway_schema_history|.*_p\\d{8}|.*_default")
                                    .withForcedTypes(new ForcedType().withName("VARCHAR").withIncludeTypes("tsvector")))
                            .withGenerate(new Generate().withRecords(true).withPojos(false).withFluentSetters(true)
                                    .withJavaTimeTypes(true))
                            .withTarget(new Target().withPackageName(packageName).withDirectory(output.toString())
                                    .withClean(true)));
            GenerationTool.generate(configuration);
        }
        Files.writeString(stamp, digest);
    }

    private static String digest(Path migrations) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(migrations)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            sha.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            sha.update(Files.readAllBytes(file));
        }
        sha.update(JooqCodegen.class.getName().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }
}
