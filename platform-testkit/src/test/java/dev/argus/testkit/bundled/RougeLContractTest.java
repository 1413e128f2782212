package dev.argus.testkit.bundled;

import dev.argus.api.evaluator.Evaluator;
import dev.argus.plugins.textmetrics.rouge.RougeLEvaluator;
import dev.argus.testkit.contract.EvaluatorContract;
import java.util.Map;

/** The bundled ROUGE-L evaluator passes the evaluator contract. */
class RougeLContractTest extends EvaluatorContract {

    @Override
    protected Evaluator newExtension() {
        return new RougeLEvaluator();
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("use_stemmer", "true");
    }
}
