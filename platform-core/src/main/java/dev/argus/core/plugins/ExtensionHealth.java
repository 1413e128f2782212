package dev.argus.core.plugins;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Call counts and faults of one extension. A fault is an unexpected exception or a timeout — not a
 * provider's classified error or an evaluator refusing an input, which are normal outcomes. After
 * {@link #SUSPEND_AFTER} faults in a row the extension is suspended until it is re-enabled or the
 * plugin reloaded.
 */
public final class ExtensionHealth {

    static final int SUSPEND_AFTER = 5;

    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong faults = new AtomicLong();
    private final AtomicLong timeouts = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private int consecutiveFaults;
    private volatile String suspendedReason;

    void called() {
        calls.incrementAndGet();
    }

    synchronized void succeeded() {
        consecutiveFaults = 0;
    }

    synchronized void faulted(String reason, boolean timeout) {
        faults.incrementAndGet();
        if (timeout) {
            timeouts.incrementAndGet();
        }
        if (++consecutiveFaults >= SUSPEND_AFTER && suspendedReason == null) {
            suspendedReason = "suspended after " + consecutiveFaults + " failures in a row; last: " + reason;
        }
    }

    void rejected() {
        rejected.incrementAndGet();
    }

    public long calls() {
        return calls.get();
    }

    public long faults() {
        return faults.get();
    }

    public long timeouts() {
        return timeouts.get();
    }

    /** Calls refused because the extension's bulkhead was full. */
    public long rejectedCalls() {
        return rejected.get();
    }

    /** Why the extension is suspended, or {@code null} while it is usable. */
    public String suspendedReason() {
        return suspendedReason;
    }

    public boolean suspended() {
        return suspendedReason != null;
    }
}
