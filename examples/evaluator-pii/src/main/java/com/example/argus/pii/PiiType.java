package com.example.argus.pii;

import java.util.Locale;

/** The kinds of personal data the evaluator looks for, in the order they are searched. */
public enum PiiType {
    /** Payment card numbers: 13 to 19 digits that pass the Luhn check. */
    CREDIT_CARD("credit card number", "credit card numbers"),
    /** International bank account numbers that pass the ISO 13616 mod-97 check. */
    IBAN("IBAN", "IBANs"),
    /** E-mail addresses. */
    EMAIL("e-mail address", "e-mail addresses"),
    /** Phone numbers in international or common national formats. */
    PHONE("phone number", "phone numbers");

    private final String one;
    private final String many;

    PiiType(String one, String many) {
        this.one = one;
        this.many = many;
    }

    /** The name used in settings and details, e.g. {@code credit_card}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "1 IBAN", "2 IBANs". */
    public String count(long n) {
        return n + " " + (n == 1 ? one : many);
    }
}
