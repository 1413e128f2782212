package dev.argus.plugins.textmetrics.bleu;

import dev.argus.plugins.textmetrics.text.PythonStrings;
import java.util.regex.Pattern;

/**
 * sacrebleu's default {@code 13a} tokenizer, equivalent to mteval-v13a.pl as used by WMT: drops
 * {@code <skipped>}, joins lines, unescapes four HTML entities (in this order: {@code &quot;},
 * {@code &amp;}, {@code &lt;}, {@code &gt;} — so {@code &amp;lt;} becomes {@code <}), then splits off
 * punctuation and symbols, and periods and commas except between digits. CJK text is not split.
 */
final class Tokenizer13a implements BleuTokenizer {

    static final Tokenizer13a INSTANCE = new Tokenizer13a();

    // mteval-v13a's regexes, applied in order to " line "; the patterns are sacrebleu's, unchanged
    private static final Pattern SYMBOLS = Pattern.compile("([\\{-\\~\\[-\\` -\\&\\(-\\+\\:-\\@\\/])");
    private static final Pattern PERIOD_COMMA_AFTER_NON_DIGIT = Pattern.compile("([^0-9])([\\.,])");
    private static final Pattern PERIOD_COMMA_BEFORE_NON_DIGIT = Pattern.compile("([\\.,])([^0-9])");
    private static final Pattern DASH_AFTER_DIGIT = Pattern.compile("([0-9])(-)");

    private Tokenizer13a() {
    }

    @Override
    public String tokenize(String line) {
        line = line.replace("<skipped>", "");
        line = line.replace("-\n", "");
        line = line.replace("\n", " ");
        if (line.indexOf('&') >= 0) {
            line = line.replace("&quot;", "\"");
            line = line.replace("&amp;", "&");
            line = line.replace("&lt;", "<");
            line = line.replace("&gt;", ">");
        }
        line = " " + line + " ";
        line = SYMBOLS.matcher(line).replaceAll(" $1 ");
        line = PERIOD_COMMA_AFTER_NON_DIGIT.matcher(line).replaceAll("$1 $2 ");
        line = PERIOD_COMMA_BEFORE_NON_DIGIT.matcher(line).replaceAll(" $1 $2");
        line = DASH_AFTER_DIGIT.matcher(line).replaceAll("$1 $2 ");
        return String.join(" ", PythonStrings.split(line));
    }
}
