package dev.argus.core.ingest;

/** A write that stored nothing, with whether retrying the same data can help. */
public final class CallStoreException extends RuntimeException {

    private final boolean dataRejected;

    /**
     * @param dataRejected {@code true} when the database refused the data itself (retrying the same
     *                     calls fails again); {@code false} when the store was unavailable
     */
    public CallStoreException(String message, Throwable cause, boolean dataRejected) {
        super(message, cause);
        this.dataRejected = dataRejected;
    }

    /** Whether the data itself was refused, as opposed to the store being unavailable. */
    public boolean dataRejected() {
        return dataRejected;
    }
}
