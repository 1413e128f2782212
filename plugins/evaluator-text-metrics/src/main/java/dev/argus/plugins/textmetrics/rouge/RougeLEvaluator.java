package dev.argus.plugins.textmetrics.rouge;

import org.pf4j.Extension;

/** {@code rouge-l}: the F-measure of rouge-score's rougeL as the score. */
@Extension
public final class RougeLEvaluator extends RougeEvaluator {

    /** Creates the evaluator. */
    public RougeLEvaluator() {
        super("rouge-l", RougeType.ROUGE_L);
    }
}
