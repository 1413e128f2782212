package dev.argus.plugins.rules;

import dev.argus.api.PluginConfig;
import dev.argus.api.PluginContext;
import dev.argus.api.evaluator.EvaluationInput;
import dev.argus.api.evaluator.Evaluator;
import dev.argus.api.evaluator.Score;
import java.util.Map;

/**
 * A deterministic check of one answer. Settings come per call ({@link #evaluate(EvaluationInput, PluginConfig)});
 * the host-wide settings given to {@link #init} are the defaults for calls that give none.
 */
abstract class RuleEvaluator implements Evaluator {

    private volatile PluginConfig defaults;

    @Override
    public void init(PluginContext context) {
        defaults = context.config();
    }

    @Override
    public final Score evaluate(EvaluationInput input) {
        PluginConfig config = defaults;
        return evaluate(input, config != null ? config : configSchema().bind(Map.of()));
    }

    /** A pass (1) or fail (0) with its reason and figures. */
    static Score verdict(boolean pass, String explanation, Map<String, Object> details) {
        return new Score(pass ? 1.0 : 0.0, pass ? "pass" : "fail", explanation, details);
    }
}
