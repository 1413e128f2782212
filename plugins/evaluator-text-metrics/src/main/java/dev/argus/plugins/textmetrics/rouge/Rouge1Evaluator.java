package dev.argus.plugins.textmetrics.rouge;

import org.pf4j.Extension;

/** {@code rouge-1}: the F-measure of rouge-score's rouge1 as the score. */
@Extension
public final class Rouge1Evaluator extends RougeEvaluator {

    /** Creates the evaluator. */
    public Rouge1Evaluator() {
        super("rouge-1", RougeType.ROUGE1);
    }
}
