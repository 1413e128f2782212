package com.example.argus.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.argus.api.evaluator.EvaluationInput;
import dev.argus.api.evaluator.Evaluator;
import dev.argus.api.evaluator.Score;
import dev.argus.testkit.contract.EvaluatorContract;
import dev.argus.testkit.contract.TestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Argus test kit's evaluator contract, plus what this evaluator promises. */
class PiiEvaluatorContractTest extends EvaluatorContract {

    @Override
    protected Evaluator newExtension() {
        return new PiiEvaluator();
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("detectors", "email,credit_card", "scan_input", "true");
    }

    @Override
    protected List<EvaluationInput> inputs() {
        List<EvaluationInput> inputs = new ArrayList<>(super.inputs());
        inputs.add(new EvaluationInput("My card is 4111 1111 1111 1111", "Noted, I will mail jane@example.com.",
                null, Map.of(), Map.of(), null, null));
        return inputs;
    }

    @Test
    void aCleanAnswerScoresOne() {
        Score score = initialised().evaluate(EvaluationInput.of("The capital of France is Paris.", null));
        assertEquals(1.0, score.value());
        assertEquals("clean", score.label());
    }

    @Test
    void anAnswerWithPersonalDataScoresZeroAndListsItMasked() {
        Score score = TestContext.init(new PiiEvaluator(), Map.of())
                .evaluate(EvaluationInput.of("Reach me at jane@example.com or +44 20 7946 0958.", null));
        assertEquals(0.0, score.value());
        assertEquals("pii", score.label());
        assertEquals("Found 1 e-mail address, 1 phone number.", score.explanation());
        assertEquals(Map.of("email", 1L, "phone", 1L), score.details().get("counts"));
        assertEquals("j***@e***.com", ((Map<?, ?>) ((List<?>) score.details().get("findings")).getFirst()).get("masked"));
    }

    @Test
    void thePromptIsScannedOnlyWhenAskedTo() {
        EvaluationInput input = new EvaluationInput("card 4111 1111 1111 1111", "ok", null, Map.of(), Map.of(), null, null);
        assertEquals(1.0, TestContext.init(new PiiEvaluator(), Map.of()).evaluate(input).value());
        assertEquals(0.0, initialised().evaluate(input).value());
    }

    @Test
    void anUnknownDetectorIsRefusedNamingTheSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TestContext.init(new PiiEvaluator(), Map.of("detectors", "email,ssn")));
        assertEquals("detectors: unknown detector 'ssn' (known: credit_card,iban,email,phone)", e.getMessage());
    }
}
