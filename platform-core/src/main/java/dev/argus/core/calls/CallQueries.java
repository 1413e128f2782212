package dev.argus.core.calls;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The read half of the call store, behind which PostgreSQL (or later a columnar store) answers the
 * explorer and export. Every method is scoped to one project.
 */
public interface CallQueries {

    /**
     * A page of calls.
     *
     * @param items the calls, in the filter's order
     * @param next  the cursor of the next page, or {@code null} on the last page
     */
    record Page(List<CallRow> items, PageCursor next) {
    }

    /** Calls matching the filter after {@code after} (or from the start), at most {@code limit}. */
    Page page(UUID projectId, CallFilter filter, PageCursor after, int limit);

    /** One call with its payloads. */
    Optional<CallRow> find(UUID projectId, UUID id);

    /**
     * Streams every matching call, in the filter's order, from a server-side cursor: memory use does
     * not grow with the number of rows. The stream is only valid inside {@code consumer}.
     */
    void stream(UUID projectId, CallFilter filter, Consumer<Stream<CallRow>> consumer);
}
