package dev.argus.plugins.textmetrics.bleu;

/**
 * sacrebleu's {@code char} tokenizer: every character (code point) is a token; whitespace characters
 * vanish when the result is split.
 */
final class TokenizerChar implements BleuTokenizer {

    static final TokenizerChar INSTANCE = new TokenizerChar();

    private TokenizerChar() {
    }

    @Override
    public String tokenize(String line) {
        StringBuilder out = new StringBuilder(line.length() * 2);
        line.codePoints().forEach(c -> {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.appendCodePoint(c);
        });
        return out.toString();
    }
}
