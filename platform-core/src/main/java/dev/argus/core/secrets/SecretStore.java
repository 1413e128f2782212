package dev.argus.core.secrets;

import static dev.argus.core.storage.jooq.Tables.SECRETS;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Credentials other features keep for a project (provider API keys, channel tokens), encrypted with
 * AES-256-GCM under the master key. Values are only ever handed to code, never to API responses:
 * listings show a {@link #hint} at most.
 */
public final class SecretStore {

    private final DSLContext dsl;
    private final SecretCipher cipher;

    public SecretStore(DSLContext dsl, SecretCipher cipher) {
        this.dsl = dsl;
        this.cipher = cipher;
    }

    /**
     * A stored secret without its value.
     *
     * @param name      the name within the project, e.g. {@code provider.openai.api_key}
     * @param hint      the last four characters of long values (e.g. {@code …3xYz}), or {@code null}
     * @param createdAt when first stored
     * @param updatedAt when last replaced
     */
    public record Info(String name, String hint, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    /** Stores or replaces a secret inside the caller's transaction ({@code tx}). */
    public void put(DSLContext tx, UUID projectId, String name, String value, UUID createdBy) {
        SecretCipher.Sealed sealed = cipher.seal(value, associatedData(projectId, name));
        OffsetDateTime now = OffsetDateTime.now();
        tx.insertInto(SECRETS)
                .set(SECRETS.PROJECT_ID, projectId).set(SECRETS.NAME, name)
                .set(SECRETS.KEY_ID, sealed.keyId()).set(SECRETS.NONCE, sealed.nonce())
                .set(SECRETS.CIPHERTEXT, sealed.ciphertext()).set(SECRETS.HINT, hint(value))
                .set(SECRETS.CREATED_BY, createdBy).set(SECRETS.CREATED_AT, now).set(SECRETS.UPDATED_AT, now)
                .onConflict(SECRETS.PROJECT_ID, SECRETS.NAME).doUpdate()
                .set(SECRETS.KEY_ID, sealed.keyId()).set(SECRETS.NONCE, sealed.nonce())
                .set(SECRETS.CIPHERTEXT, sealed.ciphertext()).set(SECRETS.HINT, hint(value))
                .set(SECRETS.UPDATED_AT, now)
                .execute();
    }

    /** The decrypted value, if the project has a secret by that name. */
    public Optional<String> get(UUID projectId, String name) {
        var row = dsl.selectFrom(SECRETS).where(SECRETS.PROJECT_ID.eq(projectId), SECRETS.NAME.eq(name)).fetchOne();
        if (row == null) {
            return Optional.empty();
        }
        return Optional.of(cipher.open(new SecretCipher.Sealed(row.getNonce(), row.getCiphertext(), row.getKeyId()),
                associatedData(projectId, name)));
    }

    /** The project's secrets without values, by name. */
    public List<Info> list(UUID projectId) {
        return dsl.select(SECRETS.NAME, SECRETS.HINT, SECRETS.CREATED_AT, SECRETS.UPDATED_AT).from(SECRETS)
                .where(SECRETS.PROJECT_ID.eq(projectId)).orderBy(SECRETS.NAME)
                .fetch(r -> new Info(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** One secret without its value. */
    public Optional<Info> info(UUID projectId, String name) {
        return dsl.select(SECRETS.NAME, SECRETS.HINT, SECRETS.CREATED_AT, SECRETS.UPDATED_AT).from(SECRETS)
                .where(SECRETS.PROJECT_ID.eq(projectId), SECRETS.NAME.eq(name))
                .fetchOptional(r -> new Info(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** Deletes a secret inside the caller's transaction; whether it existed. */
    public boolean delete(DSLContext tx, UUID projectId, String name) {
        return tx.deleteFrom(SECRETS).where(SECRETS.PROJECT_ID.eq(projectId), SECRETS.NAME.eq(name)).execute() > 0;
    }

    /** What a listing may show of a value: the last four characters of values of 16 or more characters. */
    public static String hint(String value) {
        return value.length() >= 16 ? "…" + value.substring(value.length() - 4) : null;
    }

    private static String associatedData(UUID projectId, String name) {
        return projectId + "/" + name;
    }
}
