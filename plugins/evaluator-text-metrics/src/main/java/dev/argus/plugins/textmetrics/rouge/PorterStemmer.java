package dev.argus.plugins.textmetrics.rouge;

import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * NLTK's {@code PorterStemmer} in its default {@code NLTK_EXTENSIONS} mode (NLTK 3.x), rule for rule:
 * Porter's five steps with NLTK's departures — the irregular-forms table ({@code skies}→{@code sky},
 * {@code dying}→{@code die}, …), words of one or two letters left alone, {@code ies}/{@code ied} on
 * four-letter words keeping the {@code e}, {@code y}→{@code i} only after a consonant that is not the
 * first letter, {@code bli}→{@code ble}, {@code alli} handled first and recursively, {@code fulli} and
 * {@code logi} in step 2, and the two-letter vowel-consonant case of the {@code *o} test.
 *
 * <p>Stateless and thread-safe.
 */
public final class PorterStemmer {

    private static final Map<String, String> IRREGULAR = Map.ofEntries(
            Map.entry("sky", "sky"), Map.entry("skies", "sky"),
            Map.entry("dying", "die"), Map.entry("lying", "lie"), Map.entry("tying", "tie"),
            Map.entry("news", "news"),
            Map.entry("innings", "inning"), Map.entry("inning", "inning"),
            Map.entry("outings", "outing"), Map.entry("outing", "outing"),
            Map.entry("cannings", "canning"), Map.entry("canning", "canning"),
            Map.entry("howe", "howe"),
            Map.entry("proceed", "proceed"), Map.entry("exceed", "exceed"), Map.entry("succeed", "succeed"));

    /** A suffix rule: when the word ends with {@code suffix}, replace it if the condition holds on the stem. */
    private record Rule(String suffix, String replacement, Predicate<String> condition) {
    }

    /** NLTK's {@code stem(word)}: lowercases, then stems. */
    public String stem(String word) {
        String stem = word.toLowerCase(Locale.ROOT);
        if (IRREGULAR.containsKey(word)) {
            return IRREGULAR.get(stem);
        }
        if (word.length() <= 2) {
            return stem;
        }
        stem = step1a(stem);
        stem = step1b(stem);
        stem = step1c(stem);
        stem = step2(stem);
        stem = step3(stem);
        stem = step4(stem);
        stem = step5a(stem);
        stem = step5b(stem);
        return stem;
    }

    private static boolean isConsonant(String word, int i) {
        char c = word.charAt(i);
        if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u') {
            return false;
        }
        if (c == 'y') {
            return i == 0 || !isConsonant(word, i - 1);
        }
        return true;
    }

    /** Porter's m: the number of vowel-consonant sequences. */
    static int measure(String stem) {
        int m = 0;
        boolean previousVowel = false;
        for (int i = 0; i < stem.length(); i++) {
            boolean consonant = isConsonant(stem, i);
            if (consonant && previousVowel) {
                m++;
            }
            previousVowel = !consonant;
        }
        return m;
    }

    private static boolean hasPositiveMeasure(String stem) {
        return measure(stem) > 0;
    }

    private static boolean containsVowel(String stem) {
        for (int i = 0; i < stem.length(); i++) {
            if (!isConsonant(stem, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsDoubleConsonant(String word) {
        int n = word.length();
        return n >= 2 && word.charAt(n - 1) == word.charAt(n - 2) && isConsonant(word, n - 1);
    }

    /** Porter's *o, plus NLTK's two-letter vowel-consonant case. */
    private static boolean endsCvc(String word) {
        int n = word.length();
        if (n >= 3 && isConsonant(word, n - 3) && !isConsonant(word, n - 2) && isConsonant(word, n - 1)) {
            char last = word.charAt(n - 1);
            if (last != 'w' && last != 'x' && last != 'y') {
                return true;
            }
        }
        return n == 2 && !isConsonant(word, 0) && isConsonant(word, 1);
    }

    private static String cut(String word, String suffix) {
        return word.substring(0, word.length() - suffix.length());
    }

    /** The first rule whose suffix matches decides, whether or not its condition holds. */
    private static String applyRules(String word, Rule... rules) {
        for (Rule rule : rules) {
            if (rule.suffix.equals("*d") && endsDoubleConsonant(word)) {
                String stem = word.substring(0, word.length() - 2);
                return rule.condition == null || rule.condition.test(stem) ? stem + rule.replacement : word;
            }
            if (word.endsWith(rule.suffix)) {
                String stem = cut(word, rule.suffix);
                return rule.condition == null || rule.condition.test(stem) ? stem + rule.replacement : word;
            }
        }
        return word;
    }

    private static String step1a(String word) {
        if (word.endsWith("ies") && word.length() == 4) {
            return cut(word, "ies") + "ie";
        }
        return applyRules(word,
                new Rule("sses", "ss", null),
                new Rule("ies", "i", null),
                new Rule("ss", "ss", null),
                new Rule("s", "", null));
    }

    private static String step1b(String word) {
        if (word.endsWith("ied")) {
            return cut(word, "ied") + (word.length() == 4 ? "ie" : "i");
        }
        if (word.endsWith("eed")) {
            String stem = cut(word, "eed");
            return measure(stem) > 0 ? stem + "ee" : word;
        }
        String intermediate = null;
        for (String suffix : new String[] {"ed", "ing"}) {
            if (word.endsWith(suffix)) {
                String candidate = cut(word, suffix);
                if (containsVowel(candidate)) {
                    intermediate = candidate;
                    break;
                }
            }
        }
        if (intermediate == null) {
            return word;
        }
        // a stem with a vowel is never empty
        String last = intermediate.substring(intermediate.length() - 1);
        return applyRules(intermediate,
                new Rule("at", "ate", null),
                new Rule("bl", "ble", null),
                new Rule("iz", "ize", null),
                new Rule("*d", last, stem -> !last.equals("l") && !last.equals("s") && !last.equals("z")),
                new Rule("", "e", stem -> measure(stem) == 1 && endsCvc(stem)));
    }

    private static String step1c(String word) {
        return applyRules(word, new Rule("y", "i", stem -> stem.length() > 1 && isConsonant(stem, stem.length() - 1)));
    }

    private static String step2(String word) {
        if (word.endsWith("alli") && hasPositiveMeasure(cut(word, "alli"))) {
            return step2(cut(word, "alli") + "al");
        }
        Predicate<String> positive = PorterStemmer::hasPositiveMeasure;
        return applyRules(word,
                new Rule("ational", "ate", positive),
                new Rule("tional", "tion", positive),
                new Rule("enci", "ence", positive),
                new Rule("anci", "ance", positive),
                new Rule("izer", "ize", positive),
                new Rule("bli", "ble", positive),
                new Rule("alli", "al", positive),
                new Rule("entli", "ent", positive),
                new Rule("eli", "e", positive),
                new Rule("ousli", "ous", positive),
                new Rule("ization", "ize", positive),
                new Rule("ation", "ate", positive),
                new Rule("ator", "ate", positive),
                new Rule("alism", "al", positive),
                new Rule("iveness", "ive", positive),
                new Rule("fulness", "ful", positive),
                new Rule("ousness", "ous", positive),
                new Rule("aliti", "al", positive),
                new Rule("iviti", "ive", positive),
                new Rule("biliti", "ble", positive),
                new Rule("fulli", "ful", positive),
                // the 'l' of 'logi' counts as part of the stem, so 'geo', 'theo' work like 'archaeo'
                new Rule("logi", "log", stem -> hasPositiveMeasure(word.substring(0, word.length() - 3))));
    }

    private static String step3(String word) {
        Predicate<String> positive = PorterStemmer::hasPositiveMeasure;
        return applyRules(word,
                new Rule("icate", "ic", positive),
                new Rule("ative", "", positive),
                new Rule("alize", "al", positive),
                new Rule("iciti", "ic", positive),
                new Rule("ical", "ic", positive),
                new Rule("ful", "", positive),
                new Rule("ness", "", positive));
    }

    private static String step4(String word) {
        Predicate<String> gt1 = stem -> measure(stem) > 1;
        return applyRules(word,
                new Rule("al", "", gt1),
                new Rule("ance", "", gt1),
                new Rule("ence", "", gt1),
                new Rule("er", "", gt1),
                new Rule("ic", "", gt1),
                new Rule("able", "", gt1),
                new Rule("ible", "", gt1),
                new Rule("ant", "", gt1),
                new Rule("ement", "", gt1),
                new Rule("ment", "", gt1),
                new Rule("ent", "", gt1),
                new Rule("ion", "", stem -> measure(stem) > 1 && (stem.endsWith("s") || stem.endsWith("t"))),
                new Rule("ou", "", gt1),
                new Rule("ism", "", gt1),
                new Rule("ate", "", gt1),
                new Rule("iti", "", gt1),
                new Rule("ous", "", gt1),
                new Rule("ive", "", gt1),
                new Rule("ize", "", gt1));
    }

    private static String step5a(String word) {
        if (word.endsWith("e")) {
            String stem = cut(word, "e");
            int m = measure(stem);
            if (m > 1 || (m == 1 && !endsCvc(stem))) {
                return stem;
            }
        }
        return word;
    }

    private static String step5b(String word) {
        return applyRules(word, new Rule("ll", "l", stem -> measure(word.substring(0, word.length() - 1)) > 1));
    }
}
