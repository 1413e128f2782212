package dev.argus.core.prompts;

import java.util.List;

/**
 * A page of a keyset-paginated list.
 *
 * @param items      the items
 * @param nextCursor cursor for the next page, or {@code null} at the end
 */
public record Page<T>(List<T> items, String nextCursor) {
}
