package dev.argus.core.ingest;

/** Why a writer did not store a request's calls. */
public final class IngestRejectedException extends RuntimeException {

    /** The reason. */
    public enum Reason {
        /** The queue is full; try again shortly. */
        QUEUE_FULL,
        /** The database failed or is unreachable; nothing was stored. */
        STORE_UNAVAILABLE,
        /** The database refused this request's data; retrying the same data fails again. */
        DATA_REJECTED,
        /** The server is shutting down. */
        SHUTTING_DOWN
    }

    private final Reason reason;

    public IngestRejectedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** The reason. */
    public Reason reason() {
        return reason;
    }
}
