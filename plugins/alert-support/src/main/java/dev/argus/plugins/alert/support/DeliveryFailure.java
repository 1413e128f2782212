package dev.argus.plugins.alert.support;

/**
 * A delivery attempt that got no HTTP answer (refused connection, timeout, TLS error). The message is
 * written for the delivery detail and names the receiver by host and port only, never by full URL.
 */
public final class DeliveryFailure extends Exception {

    private static final long serialVersionUID = 1L;

    /** A failure with a message safe to show. */
    public DeliveryFailure(String message) {
        super(message, null, false, false);
    }
}
