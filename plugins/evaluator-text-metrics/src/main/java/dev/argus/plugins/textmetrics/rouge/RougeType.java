package dev.argus.plugins.textmetrics.rouge;

import java.util.Arrays;
import java.util.List;

/** The ROUGE variants, named as rouge-score names them. */
public enum RougeType {
    /** Unigram overlap. */
    ROUGE1("rouge1"),
    /** Bigram overlap. */
    ROUGE2("rouge2"),
    /** Longest common subsequence over the whole text. */
    ROUGE_L("rougeL"),
    /** Summary-level LCS: union LCS of each reference line against all candidate lines. */
    ROUGE_LSUM("rougeLsum");

    private final String wireName;

    RougeType(String wireName) {
        this.wireName = wireName;
    }

    /** rouge-score's name, e.g. {@code rougeLsum}. */
    public String wireName() {
        return wireName;
    }

    /** All names in declaration order. */
    public static List<String> names() {
        return Arrays.stream(values()).map(RougeType::wireName).toList();
    }

    /**
     * The variant rouge-score calls {@code name}.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static RougeType named(String name) {
        for (RougeType t : values()) {
            if (t.wireName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("rouge_type must be one of " + names());
    }
}
