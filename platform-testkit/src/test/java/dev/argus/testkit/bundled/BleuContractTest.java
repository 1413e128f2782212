package dev.argus.testkit.bundled;

import dev.argus.api.evaluator.Evaluator;
import dev.argus.plugins.textmetrics.bleu.BleuEvaluator;
import dev.argus.testkit.contract.EvaluatorContract;
import java.util.Map;

/** The bundled BLEU evaluator passes the evaluator contract, with settings that are not the defaults. */
class BleuContractTest extends EvaluatorContract {

    @Override
    protected Evaluator newExtension() {
        return new BleuEvaluator();
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("lowercase", "true", "max_ngram_order", "2");
    }
}
