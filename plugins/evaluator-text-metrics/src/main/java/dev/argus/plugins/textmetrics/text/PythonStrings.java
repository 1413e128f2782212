package dev.argus.plugins.textmetrics.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's {@code str.split()} and {@code str.rstrip()} without arguments, which the reference tools
 * use: they treat every character for which {@code str.isspace()} holds as whitespace (including
 * U+00A0, U+2007, U+202F and U+001C..U+001F), which neither {@link Character#isWhitespace} nor
 * {@link String#strip} match exactly.
 */
public final class PythonStrings {

    private PythonStrings() {
    }

    /** Whether Python 3's {@code str.isspace()} is true for this code point. */
    public static boolean isSpace(int c) {
        return switch (c) {
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x1F, 0x20, 0x85, 0xA0, 0x1680,
                 0x2028, 0x2029, 0x202F, 0x205F, 0x3000 -> true;
            default -> c >= 0x2000 && c <= 0x200A;
        };
    }

    /** {@code s.split()}: the runs of non-whitespace characters. */
    public static List<String> split(String s) {
        List<String> tokens = new ArrayList<>();
        int start = -1;
        int i = 0;
        while (i < s.length()) {
            int c = s.codePointAt(i);
            if (isSpace(c)) {
                if (start >= 0) {
                    tokens.add(s.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
            i += Character.charCount(c);
        }
        if (start >= 0) {
            tokens.add(s.substring(start));
        }
        return tokens;
    }

    /** {@code s.rstrip()}: the text without trailing whitespace. */
    public static String rstrip(String s) {
        int end = s.length();
        while (end > 0) {
            int c = s.codePointBefore(end);
            if (!isSpace(c)) {
                break;
            }
            end -= Character.charCount(c);
        }
        return s.substring(0, end);
    }
}
