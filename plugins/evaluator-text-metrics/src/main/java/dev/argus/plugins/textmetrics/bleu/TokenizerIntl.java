package dev.argus.plugins.textmetrics.bleu;

import dev.argus.plugins.textmetrics.text.PythonStrings;
import java.util.regex.Pattern;

/**
 * sacrebleu's {@code intl} tokenizer (mteval-v14 international): splits off every Unicode punctuation
 * character ({@code \p{P}}) unless it sits between digits, and every symbol ({@code \p{S}}). Unlike
 * {@code 13a} the line is not padded, so a final period right after a number stays attached.
 */
final class TokenizerIntl implements BleuTokenizer {

    static final TokenizerIntl INSTANCE = new TokenizerIntl();

    private static final Pattern PUNCT_AFTER_NON_DIGIT = Pattern.compile("(\\P{N})(\\p{P})");
    private static final Pattern PUNCT_BEFORE_NON_DIGIT = Pattern.compile("(\\p{P})(\\P{N})");
    private static final Pattern SYMBOL = Pattern.compile("(\\p{S})");

    private TokenizerIntl() {
    }

    @Override
    public String tokenize(String line) {
        line = PUNCT_AFTER_NON_DIGIT.matcher(line).replaceAll("$1 $2 ");
        line = PUNCT_BEFORE_NON_DIGIT.matcher(line).replaceAll(" $1 $2");
        line = SYMBOL.matcher(line).replaceAll(" $1 ");
        return String.join(" ", PythonStrings.split(line));
    }
}
