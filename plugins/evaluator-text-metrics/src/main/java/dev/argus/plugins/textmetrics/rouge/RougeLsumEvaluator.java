package dev.argus.plugins.textmetrics.rouge;

import org.pf4j.Extension;

/** {@code rouge-lsum}: the F-measure of rouge-score's rougeLsum as the score. */
@Extension
public final class RougeLsumEvaluator extends RougeEvaluator {

    /** Creates the evaluator. */
    public RougeLsumEvaluator() {
        super("rouge-lsum", RougeType.ROUGE_LSUM);
    }
}
