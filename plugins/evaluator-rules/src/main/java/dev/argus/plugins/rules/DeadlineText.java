package dev.argus.plugins.rules;

/**
 * Text for {@link java.util.regex.Matcher} that stops a runaway match: Java's regex engine never checks
 * for interruption, so a catastrophically backtracking pattern would keep its thread busy long after
 * the host's timeout. Every character read checks the deadline (every 1024th read) and the interrupt flag.
 */
final class DeadlineText implements CharSequence {

    /** Thrown when the match took too long. */
    static final class TooSlow extends RuntimeException {
        TooSlow(String message) {
            super(message, null, false, false);
        }
    }

    private final CharSequence text;
    private final long deadlineNanos;
    private int reads;

    DeadlineText(CharSequence text, long deadlineNanos) {
        this.text = text;
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public char charAt(int index) {
        if ((++reads & 1023) == 0 && (System.nanoTime() - deadlineNanos > 0 || Thread.currentThread().isInterrupted())) {
            throw new TooSlow("the regular expression took too long on this answer");
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new DeadlineText(text.subSequence(start, end), deadlineNanos);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
