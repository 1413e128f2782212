package com.example.argus.pii;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data in text. Card numbers and IBANs are searched first and must pass their check
 * digits; e-mail addresses and phone numbers are then searched outside what was already found, so a
 * card number is never also reported as a phone number.
 */
public final class PiiScanner {

    private static final Pattern CARD = Pattern.compile("(?<![\\d])\\d(?:[ -]?\\d){12,18}(?![\\d])");
    private static final Pattern IBAN = Pattern.compile("(?<![A-Za-z0-9])[A-Za-z]{2}\\d{2}(?: ?[A-Za-z0-9]){11,30}");
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\w.%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\\.[A-Za-z]{2,}");
    private static final Pattern PHONE = Pattern.compile("(?<![\\w+])(?:\\+|\\()?\\d[\\d ()./-]{6,}\\d(?![\\w])");
    private static final Pattern US_GROUPS = Pattern.compile("\\(?\\d{3}\\)?[-. ]\\d{3}[-. ]\\d{4}");
    private static final Pattern DATE = Pattern.compile("\\d{4}[-./]\\d{1,2}[-./]\\d{1,2}|\\d{1,2}[-./]\\d{1,2}[-./]\\d{2,4}");

    private final Set<PiiType> types;

    /** A scanner for the given kinds of data. */
    public PiiScanner(Set<PiiType> types) {
        this.types = Set.copyOf(types);
    }

    /** Everything found in {@code text}, ordered by position; {@code field} names the text in each finding. */
    public List<Finding> scan(String text, String field) {
        List<Finding> found = new ArrayList<>();
        if (types.contains(PiiType.CREDIT_CARD)) {
            cards(text, field, found);
        }
        if (types.contains(PiiType.IBAN)) {
            ibans(text, field, found);
        }
        if (types.contains(PiiType.EMAIL)) {
            Matcher m = EMAIL.matcher(text);
            while (m.find()) {
                if (free(found, m.start(), m.end())) {
                    found.add(new Finding(PiiType.EMAIL, field, m.start(), m.end(), maskEmail(m.group())));
                }
            }
        }
        if (types.contains(PiiType.PHONE)) {
            phones(text, field, found);
        }
        found.sort(Comparator.comparingInt(Finding::start));
        return List.copyOf(found);
    }

    private static void cards(String text, String field, List<Finding> found) {
        Matcher m = CARD.matcher(text);
        while (m.find()) {
            String digits = m.group().replaceAll("[ -]", "");
            if (digits.length() >= 13 && digits.length() <= 19 && luhn(digits)) {
                found.add(new Finding(PiiType.CREDIT_CARD, field, m.start(), m.end(), maskKeepingLast(digits, 4)));
            }
        }
    }

    private static void ibans(String text, String field, List<Finding> found) {
        Matcher m = IBAN.matcher(text);
        while (m.find()) {
            // the pattern may run on into following words: take the longest prefix whose check digits hold
            String candidate = m.group();
            for (int end = candidate.length(); end >= 15; end--) {
                if (Character.isWhitespace(candidate.charAt(end - 1))) {
                    continue;
                }
                String compact = candidate.substring(0, end).replace(" ", "").toUpperCase(java.util.Locale.ROOT);
                if (compact.length() >= 15 && compact.length() <= 34 && mod97(compact) == 1
                        && free(found, m.start(), m.start() + end)) {
                    found.add(new Finding(PiiType.IBAN, field, m.start(), m.start() + end,
                            compact.substring(0, 4) + "*".repeat(compact.length() - 8) + compact.substring(compact.length() - 4)));
                    break;
                }
            }
        }
    }

    private static void phones(String text, String field, List<Finding> found) {
        Matcher m = PHONE.matcher(text);
        while (m.find()) {
            String value = m.group().strip();
            String digits = value.replaceAll("\\D", "");
            boolean international = value.startsWith("+") || digits.startsWith("00");
            boolean national = value.startsWith("(") || digits.startsWith("0") || US_GROUPS.matcher(value).matches();
            if (digits.length() >= 8 && digits.length() <= 15 && (international || national)
                    && !DATE.matcher(value).matches() && free(found, m.start(), m.end())) {
                found.add(new Finding(PiiType.PHONE, field, m.start(), m.end(), maskKeepingLast(digits, 2)));
            }
        }
    }

    private static boolean free(List<Finding> found, int start, int end) {
        return found.stream().noneMatch(f -> f.start() < end && start < f.end());
    }

    /** The Luhn (mod 10) check digit test used by payment card numbers. */
    static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /** ISO 13616: move the first four characters to the end, letters to 10..35, remainder mod 97. */
    static int mod97(String iban) {
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        int remainder = 0;
        for (char c : rearranged.toCharArray()) {
            if (Character.isDigit(c)) {
                remainder = (remainder * 10 + (c - '0')) % 97;
            } else if (c >= 'A' && c <= 'Z') {
                remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            } else {
                return -1;
            }
        }
        return remainder;
    }

    private static String maskKeepingLast(String digits, int keep) {
        return "*".repeat(digits.length() - keep) + digits.substring(digits.length() - keep);
    }

    private static String maskEmail(String email) {
        int at = email.indexOf('@');
        int dot = email.lastIndexOf('.');
        return email.charAt(0) + "***@" + email.charAt(at + 1) + "***" + email.substring(dot);
    }
}
