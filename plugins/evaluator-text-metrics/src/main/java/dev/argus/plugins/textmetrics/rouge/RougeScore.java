package dev.argus.plugins.textmetrics.rouge;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One ROUGE variant's result, as rouge-score's {@code Score} tuple.
 *
 * @param precision matches over candidate units
 * @param recall    matches over reference units
 * @param fmeasure  their harmonic mean, 0 when both are 0
 */
public record RougeScore(double precision, double recall, double fmeasure) {

    /** All zeros, for empty input. */
    public static final RougeScore ZERO = new RougeScore(0, 0, 0);

    /** rouge-score's {@code scoring.fmeasure} applied to precision and recall. */
    public static RougeScore of(double precision, double recall) {
        double f = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
        return new RougeScore(precision, recall, f);
    }

    /** {@code {"precision","recall","fmeasure"}}. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("precision", precision);
        map.put("recall", recall);
        map.put("fmeasure", fmeasure);
        return map;
    }
}
