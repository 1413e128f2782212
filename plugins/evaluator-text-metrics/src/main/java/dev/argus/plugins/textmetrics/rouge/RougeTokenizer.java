package dev.argus.plugins.textmetrics.rouge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * rouge-score's default tokenizer: lowercase, every run of characters outside {@code [a-z0-9]}
 * becomes a separator (so accented letters and CJK vanish: "café" gives "caf"), and with a stemmer,
 * tokens longer than three characters are Porter-stemmed.
 */
public final class RougeTokenizer {

    private final PorterStemmer stemmer;

    /** @param useStemmer whether to stem tokens of more than three characters */
    public RougeTokenizer(boolean useStemmer) {
        this.stemmer = useStemmer ? new PorterStemmer() : null;
    }

    /** The tokens of {@code text}. */
    public List<String> tokenize(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> tokens = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= lower.length(); i++) {
            char c = i < lower.length() ? lower.charAt(i) : ' ';
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (alnum && start < 0) {
                start = i;
            } else if (!alnum && start >= 0) {
                String token = lower.substring(start, i);
                tokens.add(stemmer != null && token.length() > 3 ? stemmer.stem(token) : token);
                start = -1;
            }
        }
        return tokens;
    }
}
