package dev.argus.plugins.textmetrics.rouge;

import org.pf4j.Extension;

/** {@code rouge-2}: the F-measure of rouge-score's rouge2 as the score. */
@Extension
public final class Rouge2Evaluator extends RougeEvaluator {

    /** Creates the evaluator. */
    public Rouge2Evaluator() {
        super("rouge-2", RougeType.ROUGE2);
    }
}
