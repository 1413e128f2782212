package dev.argus.api.alert;

/**
 * The outcome of one delivery attempt.
 *
 * @param delivered whether the receiver accepted the alert
 * @param detail    a short note (receiver status, error), never containing secrets
 */
public record DeliveryResult(boolean delivered, String detail) {

    /** A successful delivery. */
    public static DeliveryResult ok(String detail) {
        return new DeliveryResult(true, detail);
    }

    /** A failed delivery. */
    public static DeliveryResult failed(String detail) {
        return new DeliveryResult(false, detail);
    }
}
