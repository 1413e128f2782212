package dev.argus.core.ingest;

import java.util.List;
import org.jooq.DSLContext;

/** Hears of every batch the call store writes: once inside its transaction, once after the commit. */
public interface BatchListener {

    /** No-op listener. */
    BatchListener NONE = new BatchListener() {
    };

    /** Inside the batch's transaction, after the rows and rollups are written; runs only if they were. */
    default void beforeCommit(DSLContext tx, List<PricedCall> stored) {
    }

    /** After the commit: the calls are durable. */
    default void afterCommit(List<PricedCall> stored) {
    }
}
