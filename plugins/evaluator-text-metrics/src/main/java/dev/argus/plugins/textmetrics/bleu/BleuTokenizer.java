package dev.argus.plugins.textmetrics.bleu;

import java.util.Locale;

/** One of sacrebleu's tokenizers: turns a segment into space-separated tokens. */
public interface BleuTokenizer {

    /** The tokenized segment; tokens are then read with Python's {@code str.split()}. */
    String tokenize(String line);

    /**
     * The tokenizer sacrebleu names {@code name}.
     *
     * @throws IllegalArgumentException for names other than {@code 13a}, {@code intl}, {@code char}, {@code none}
     */
    static BleuTokenizer named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "13a" -> Tokenizer13a.INSTANCE;
            case "intl" -> TokenizerIntl.INSTANCE;
            case "char" -> TokenizerChar.INSTANCE;
            case "none" -> line -> line;
            default -> throw new IllegalArgumentException("tokenize must be one of 13a, intl, char, none");
        };
    }
}
