package dev.argus.core.ingest;

import java.util.List;
import java.util.Set;

/**
 * Where the group-commit writer puts calls: the write half of the call store (the read half is
 * {@link dev.argus.core.calls.CallQueries}). PostgreSQL implements it today; a columnar store could
 * implement it later without touching ingest.
 */
public interface CallStore {

    /**
     * Stores the calls and updates the rollups in one atomic, durable step. Calls whose
     * {@code (project, id)} is already stored, or repeated in the list, are skipped.
     *
     * @return the keys of the calls that were newly stored
     * @throws CallStoreException when nothing was stored
     */
    Set<CallKey> write(List<PricedCall> calls);

    /**
     * A stored call's identity.
     *
     * @param projectId the project
     * @param id        the call id
     */
    record CallKey(java.util.UUID projectId, java.util.UUID id) {
    }
}
