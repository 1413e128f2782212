package dev.argus.core.evaluation.builtin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.argus.api.evaluator.EvaluationInput;
import dev.argus.api.evaluator.Evaluator;
import dev.argus.api.evaluator.Score;

/** Built-in rule: 1 when the answer is one well-formed JSON value. */
public final class JsonValidEvaluator implements Evaluator {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public String id() {
        return "json-valid";
    }

    @Override
    public String displayName() {
        return "Valid JSON";
    }

    @Override
    public String description() {
        return "Passes when the whole answer parses as JSON.";
    }

    @Override
    public Score evaluate(EvaluationInput input) {
        try {
            MAPPER.readTree(input.output());
            return Score.passFail(!input.output().isBlank(), input.output().isBlank() ? "empty answer" : "valid JSON");
        } catch (JsonProcessingException e) {
            return Score.passFail(false, "invalid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr());
        }
    }
}
