package dev.argus.plugins.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argus.api.ConfigField;
import dev.argus.api.PluginConfig;
import dev.argus.api.evaluator.EvaluationContext;
import dev.argus.api.evaluator.EvaluationInput;
import dev.argus.api.evaluator.Evaluator;
import dev.argus.api.evaluator.Score;
import dev.argus.api.provider.ChatResult;
import dev.argus.api.provider.LlmClient;
import dev.argus.api.provider.ProviderException;
import dev.argus.plugins.openai.OpenAiProvider;
import dev.argus.plugins.support.Json;
import dev.argus.plugins.support.JsonValue;
import dev.argus.plugins.testkit.TestContext;
import dev.argus.plugins.testkit.WireSamples;
import dev.argus.plugins.testkit.WireServer;
import dev.argus.plugins.testkit.WireServer.Reply;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The evaluator end to end against a real judge: the OpenAI provider plugin pointed at a loopback server
 * that speaks OpenAI's wire format and answers with the recorded response carrying a verdict.
 */
class LlmJudgeEvaluatorTest {

    private static final EvaluationInput PARIS = new EvaluationInput("What is the capital of France?",
            "The capital of France is Paris.", "Paris", Map.of(), Map.of(), null, null);

    private final WireServer upstream = WireServer.start();
    private final OpenAiProvider openAi = TestContext.init(new OpenAiProvider(),
            Map.of("api_key", "sk-judge-test-0123456789", "base_url", upstream.baseUrl() + "/v1"), Clock.systemUTC());
    private final LlmJudgeEvaluator judge = new LlmJudgeEvaluator();

    @AfterEach
    void stop() {
        upstream.close();
    }

    /** The recorded OpenAI answer with its content replaced by what the judge says. */
    private static String answer(String content) {
        @SuppressWarnings("unchecked")
        Map<String, Object> response = new HashMap<>((Map<String, Object>) Json.read(
                WireSamples.text("openai_chat_completions.json")).get("response").raw());
        @SuppressWarnings("unchecked")
        Map<String, Object> choice = new HashMap<>(((List<Map<String, Object>>) response.get("choices")).getFirst());
        @SuppressWarnings("unchecked")
        Map<String, Object> message = new HashMap<>((Map<String, Object>) choice.get("message"));
        message.put("content", content);
        choice.put("message", message);
        response.put("choices", List.of(choice));
        response.put("model", "gpt-4o-mini-2024-07-18");
        return Json.write(response);
    }

    private void judgeSays(String content) {
        upstream.then(Reply.json(200, answer(content)));
    }

    private PluginConfig config(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(Map.of("provider", "openai", "model", "gpt-4o-mini"));
        all.putAll(settings);
        return judge.configSchema().bind(all);
    }

    private static EvaluationInput withJudge(EvaluationInput input, OpenAiProvider provider) {
        return new EvaluationInput(input.input(), input.output(), input.reference(), input.expected(), input.metadata(),
                provider, "gpt-4o-mini");
    }

    @Test
    void schemaRequiresProviderAndModelAndDefaultsTheRest() {
        assertEquals("llm_judge", judge.id());
        assertEquals(Set.of(Evaluator.Requirement.JUDGE_PROVIDER), judge.requirements());
        assertEquals(List.of("provider is required", "model is required"), judge.configSchema().validate(Map.of()));
        PluginConfig bound = config(Map.of());
        assertEquals(Rubric.DEFAULT, bound.values().get("rubric"));
        assertEquals("1-5", bound.values().get("scale"));
        assertEquals("0", bound.values().get("temperature"));
        ConfigField scale = judge.configSchema().fields().stream().filter(f -> f.name().equals("scale")).findFirst()
                .orElseThrow();
        assertEquals(Scale.NAMES, scale.allowedValues());
        assertEquals(List.of("scale must be one of " + Scale.NAMES),
                judge.configSchema().validate(Map.of("provider", "p", "model", "m", "scale", "2-7")));
    }

    @Test
    void aFencedVerdictIsMappedOntoZeroToOneWithItsDetails() {
        judgeSays("Here is my verdict:\n```json\n{\"score\": 4, \"label\": \"Correct\", \"explanation\": "
                + "\"Names Paris but adds nothing.\"}\n```");
        Score score = judge.evaluate(withJudge(PARIS, openAi), config(Map.of("labels", "correct, incorrect")));

        assertEquals(0.75, score.value());
        assertEquals("correct", score.label(), "the configured spelling of the label");
        assertEquals("Names Paris but adds nothing.", score.explanation());
        assertEquals(4.0, score.details().get("raw_score"));
        assertEquals("1-5", score.details().get("scale"));
        assertEquals(false, score.details().get("clamped"));
        assertEquals("correct", score.details().get("label"));
        assertEquals("Names Paris but adds nothing.", score.details().get("explanation"));
        assertEquals("openai", score.details().get("provider"));
        assertEquals("gpt-4o-mini-2024-07-18", score.details().get("model"), "the model that answered");
        assertFalse(score.details().containsKey("judge_call_id"), "a judge in the input logs no call");
    }

    @Test
    void theJudgeIsAskedTheRenderedRubricWithTheFormatAtTemperatureZero() {
        judgeSays("{\"score\": 5, \"label\": \"correct\"}");
        judge.evaluate(withJudge(PARIS, openAi), config(Map.of("labels", "correct,incorrect", "max_tokens", "200")));

        JsonValue sent = Json.read(upstream.received().getFirst().body());
        assertEquals("gpt-4o-mini", sent.get("model").asText());
        assertEquals("0", sent.get("temperature").toString());
        assertEquals(200, sent.get("max_completion_tokens").asLong(0));
        assertEquals("system", sent.get("messages").at(0).get("role").asText());
        assertEquals(JudgeSettings.SYSTEM, sent.get("messages").at(0).get("content").asText());
        String user = sent.get("messages").at(1).get("content").asText();
        assertTrue(user.contains("<input>\nWhat is the capital of France?\n</input>"), user);
        assertTrue(user.contains("<answer>\nThe capital of France is Paris.\n</answer>"), user);
        assertTrue(user.contains("<reference>\nParis\n</reference>"), user);
        assertTrue(user.contains("a whole number from 1 to 5, where 1 is the worst and 5 the best"), user);
        assertTrue(user.contains("exactly one of: correct, incorrect"), user);
        assertTrue(user.endsWith("{\"score\": <a whole number from 1 to 5>, \"label\": \"<one of: correct, incorrect>\", "
                + "\"explanation\": \"<one or two sentences on why>\"}"), user);
    }

    @Test
    void aCustomRubricAndScaleAndABareNumber() {
        judgeSays("85");
        Score score = judge.evaluate(withJudge(PARIS, openAi), config(Map.of("rubric",
                "How polite is this reply to {{ input }}? Reply: {{output}}", "scale", "0-100", "temperature", "0.4")));
        assertEquals(0.85, score.value(), 1e-12);
        assertNull(score.label());
        assertNull(score.explanation());
        JsonValue sent = Json.read(upstream.received().getFirst().body());
        String user = sent.get("messages").at(1).get("content").asText();
        assertTrue(user.startsWith("How polite is this reply to What is the capital of France?? Reply: The capital of "
                + "France is Paris.\n\nGrade the answer with a whole number from 0 to 100"), user);
        assertEquals("0.4", sent.get("temperature").toString());
    }

    @Test
    void gradesOffTheScaleAreClampedAndSaySo() {
        judgeSays("{\"score\": 9, \"label\": \"excellent\"}");
        Score score = judge.evaluate(withJudge(PARIS, openAi), config(Map.of()));
        assertEquals(1.0, score.value());
        assertEquals(9.0, score.details().get("raw_score"));
        assertEquals(true, score.details().get("clamped"));
        assertEquals("excellent", score.label(), "free labels are kept as the judge gave them");
    }

    @Test
    void unusableAnswersFailTheItemAsARetryableProviderFailure() {
        judgeSays("I think the answer is fine overall.");
        ProviderException prose = assertThrows(ProviderException.class,
                () -> judge.evaluate(withJudge(PARIS, openAi), config(Map.of())));
        assertTrue(prose.getMessage().contains("not usable (no score found)"), prose.getMessage());
        assertTrue(prose.getMessage().contains("I think the answer is fine overall."), prose.getMessage());

        judgeSays("{\"score\": 2, \"label\": \"meh\"}");
        ProviderException label = assertThrows(ProviderException.class,
                () -> judge.evaluate(withJudge(PARIS, openAi), config(Map.of("labels", "correct,incorrect"))));
        assertTrue(label.getMessage().contains("label 'meh' is not one of [correct, incorrect]"), label.getMessage());

        judgeSays("{\"score\": 2}");
        ProviderException none = assertThrows(ProviderException.class,
                () -> judge.evaluate(withJudge(PARIS, openAi), config(Map.of("labels", "correct,incorrect"))));
        assertTrue(none.getMessage().contains("no label; expected one of [correct, incorrect]"), none.getMessage());
    }

    @Test
    void theJudgesOwnFailureReachesTheCallerClassified() {
        upstream.then(Reply.json(401, "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":"
                + "\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}"));
        ProviderException e = assertThrows(ProviderException.class,
                () -> judge.evaluate(withJudge(PARIS, openAi), config(Map.of())));
        assertEquals(dev.argus.api.ErrorCategory.AUTH, e.category());
    }

    @Test
    void withoutAJudgeOrBadSettingsTheInputCannotBeScored() {
        IllegalArgumentException noJudge = assertThrows(IllegalArgumentException.class,
                () -> judge.evaluate(PARIS, config(Map.of())));
        assertTrue(noJudge.getMessage().contains("needs a judge model"), noJudge.getMessage());
        assertThrows(IllegalArgumentException.class, () -> judge.evaluate(withJudge(PARIS, openAi),
                config(Map.of("rubric", "Grade {{answer}}"))));
        assertThrows(IllegalArgumentException.class, () -> judge.evaluate(withJudge(PARIS, openAi),
                config(Map.of("temperature", "3"))));
        assertThrows(IllegalArgumentException.class, () -> judge.evaluate(withJudge(PARIS, openAi),
                new PluginConfig(Map.of("model", "gpt-4o-mini"))));
        assertTrue(upstream.received().isEmpty(), "nothing was asked");
    }

    @Test
    void throughTheHostsClientTheLoggedCallAndItsCostAreInTheDetails() {
        judgeSays("{\"score\": 3, \"label\": \"partial\", \"explanation\": \"Half right.\"}");
        UUID callId = UUID.fromString("0190a000-0000-7000-8000-00000000c411");
        List<String> asked = new ArrayList<>();
        // stands in for the host: asks the real provider and reports a call id and cost as the host logs them
        LlmClient host = (provider, request, tags) -> {
            asked.add(provider + "/" + request.model() + " " + tags);
            return new ChatResult(openAi.complete(request), callId, new BigDecimal("0.000123"), 1);
        };
        EvaluationContext context = new EvaluationContext() {
            @Override
            public Optional<LlmClient> llm() {
                return Optional.of(host);
            }
        };
        Score score = judge.evaluate(PARIS, config(Map.of()), context);
        assertEquals(List.of("openai/gpt-4o-mini []"), asked);
        assertEquals(0.5, score.value());
        assertEquals(callId.toString(), score.details().get("judge_call_id"));
        assertEquals(0.000123, (double) score.details().get("judge_cost_usd"), 1e-15);
    }

    @Test
    void initSettingsAreTheDefaultsOfTheOneArgumentCall() {
        TestContext.init(judge, Map.of("provider", "openai", "model", "gpt-4o-mini", "scale", "1-3"), Clock.systemUTC());
        judgeSays("{\"score\": 2}");
        assertEquals(0.5, judge.evaluate(withJudge(PARIS, openAi)).value());
    }
}
