package dev.argus.plugins.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argus.api.ConfigSchema;
import dev.argus.api.PluginConfig;
import dev.argus.api.evaluator.EvaluationInput;
import dev.argus.api.evaluator.Evaluator;
import dev.argus.api.evaluator.Score;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RuleEvaluatorsTest {

    static final List<Evaluator> ALL = List.of(new ExactMatchEvaluator(), new ContainsEvaluator(), new RegexEvaluator(),
            new JsonValidEvaluator(), new JsonSchemaEvaluator(), new LengthEvaluator(), new KeywordsEvaluator(),
            new RefusalEvaluator());

    static Score score(Evaluator evaluator, String output, String reference, Map<String, String> settings) {
        ConfigSchema schema = evaluator.configSchema();
        PluginConfig config = schema.bind(settings);
        return evaluator.evaluate(new EvaluationInput("", output, reference, Map.of(), Map.of(), null, null), config);
    }

    static Score score(Evaluator evaluator, String output, Map<String, String> settings) {
        return score(evaluator, output, null, settings);
    }

    static void assertPass(Score score) {
        assertEquals(1.0, score.value(), score.toString());
        assertEquals("pass", score.label(), score.toString());
    }

    static void assertFail(Score score) {
        assertEquals(0.0, score.value(), score.toString());
        assertEquals("fail", score.label(), score.toString());
    }

    static String rejection(Evaluator evaluator, String output, String reference, Map<String, String> settings) {
        return assertThrows(IllegalArgumentException.class, () -> score(evaluator, output, reference, settings))
                .getMessage();
    }

    @Test
    void idsAreTheDocumentedOnesAndEverySchemaBindsItsDefaults() {
        assertEquals(List.of("exact_match", "contains", "regex", "json_valid", "json_schema", "length", "keywords",
                "refusal"), ALL.stream().map(Evaluator::id).toList());
        Set<String> names = new HashSet<>();
        for (Evaluator evaluator : ALL) {
            assertTrue(names.add(evaluator.displayName()));
            assertFalse(evaluator.description().isBlank());
            // settings are given per call: the host-wide instance must bind from nothing to be active
            evaluator.configSchema().bind(Map.of());
            evaluator.configSchema().fields().forEach(f -> {
                assertFalse(f.required(), f.name());
                assertTrue(f.defaultValue() == null || f.check(f.defaultValue()).isEmpty(), f.name());
            });
        }
        assertEquals(Set.of(Evaluator.Requirement.REFERENCE), new ExactMatchEvaluator().requirements());
    }

    @Nested
    class ExactMatch {
        final Evaluator e = new ExactMatchEvaluator();

        @Test
        void comparesAfterTrimmingAndOptionallyCaseAndWhitespace() {
            assertPass(score(e, "  Paris \n", "Paris", Map.of()));
            assertFail(score(e, "paris", "Paris", Map.of()));
            assertPass(score(e, "paris", "Paris", Map.of("ignore_case", "true")));
            assertFail(score(e, " Paris", "Paris", Map.of("trim", "false")));
            assertFail(score(e, "New  York", "New York", Map.of()));
            assertPass(score(e, "New \t York", "New York", Map.of("collapse_whitespace", "true")));
            assertEquals(true, score(e, "a", "a", Map.of()).details().get("matched"));
        }

        @Test
        void needsAReference() {
            assertTrue(rejection(e, "Paris", null, Map.of()).contains("reference"));
        }
    }

    @Nested
    class Contains {
        final Evaluator e = new ContainsEvaluator();

        @Test
        void looksForTheValueOrElseTheReference() {
            Score byValue = score(e, "Your order #123 has shipped", "ignored", Map.of("value", "#123"));
            assertPass(byValue);
            assertEquals(11, byValue.details().get("index"));
            assertEquals("config", byValue.details().get("value_from"));
            Score byReference = score(e, "The capital is Paris.", "Paris", Map.of());
            assertPass(byReference);
            assertEquals("reference", byReference.details().get("value_from"));
            assertFail(score(e, "The capital is paris.", "Paris", Map.of()));
            assertPass(score(e, "The capital is paris.", "Paris", Map.of("ignore_case", "true")));
            assertFail(score(e, "The capital is Paris.", "Paris", Map.of("negate", "true")));
            assertPass(score(e, "No idea.", "Paris", Map.of("negate", "true")));
        }

        @Test
        void needsAValueOrAReference() {
            assertTrue(rejection(e, "anything", null, Map.of()).contains("value"));
            assertTrue(rejection(e, "anything", "", Map.of()).contains("value"));
        }
    }

    @Nested
    class Regex {
        final Evaluator e = new RegexEvaluator();

        @Test
        void findsOrMatchesWholeAndReportsTheMatch() {
            Score found = score(e, "Call 555-1234 today", Map.of("pattern", "\\d{3}-\\d{4}"));
            assertPass(found);
            assertEquals("555-1234", found.details().get("match"));
            assertEquals(5, found.details().get("start"));
            assertFail(score(e, "Call 555-1234 today", Map.of("pattern", "\\d{3}-\\d{4}", "full_match", "true")));
            assertPass(score(e, "555-1234", Map.of("pattern", "\\d{3}-\\d{4}", "full_match", "true")));
            assertFail(score(e, "YES", Map.of("pattern", "^yes$")));
            assertPass(score(e, "YES", Map.of("pattern", "^yes$", "ignore_case", "true")));
            assertPass(score(e, "no digits", Map.of("pattern", "\\d", "negate", "true")));
        }

        @Test
        void aMissingPatternNamesTheSetting() {
            assertTrue(rejection(e, "x", null, Map.of()).startsWith("pattern: required"));
        }

        @Test
        void anInvalidPatternNamesTheSetting() {
            String message = rejection(e, "x", null, Map.of("pattern", "(unclosed"));
            assertTrue(message.startsWith("pattern: not a valid regular expression"), message);
        }

        @Test
        void aCatastrophicPatternIsCutOffAtItsMatchTimeout() {
            // the back-reference defeats the JDK's memoisation of nested quantifiers: seconds of backtracking
            String answer = "a".repeat(30) + "!";
            String message = rejection(e, answer, null, Map.of("pattern", "^(a+)+\\1$", "match_timeout", "100ms"));
            assertTrue(message.contains("took longer than 100 ms"), message);
        }
    }

    @Nested
    class JsonValid {
        final Evaluator e = new JsonValidEvaluator();

        @Test
        void acceptsOneStrictJsonValue() {
            Score object = score(e, "{\"a\": [1, 2]}", Map.of());
            assertPass(object);
            assertEquals("object", object.details().get("type"));
            assertPass(score(e, " 42 ", Map.of()));
            assertPass(score(e, "[1]", Map.of("require_type", "array")));
            assertFail(score(e, "[1]", Map.of("require_type", "object")));
        }

        @Test
        void rejectsTrailingContentCommentsDuplicatesAndNamesWhere() {
            Score broken = score(e, "{\"a\": 1,\n \"b\": }", Map.of());
            assertFail(broken);
            assertEquals(2, broken.details().get("line"));
            assertTrue(broken.explanation().startsWith("not JSON at line 2"), broken.explanation());
            assertFail(score(e, "{\"a\": 1} trailing", Map.of()));
            assertFail(score(e, "{\"a\": 1 /* c */}", Map.of()));
            assertFail(score(e, "{\"a\": 1, \"a\": 2}", Map.of()));
            assertFail(score(e, "   ", Map.of()));
        }

        @Test
        void unwrapsAMarkdownCodeFenceOnlyWhenAsked() {
            String fenced = "```json\n{\"ok\": true}\n```";
            assertFail(score(e, fenced, Map.of()));
            assertPass(score(e, fenced, Map.of("strip_code_fence", "true")));
            assertFail(score(e, "Here it is: " + fenced, Map.of("strip_code_fence", "true")));
        }
    }

    @Nested
    class JsonSchema {
        final Evaluator e = new JsonSchemaEvaluator();
        final String person = "{\"type\":\"object\",\"required\":[\"name\",\"age\"],\"additionalProperties\":false,"
                + "\"properties\":{\"name\":{\"type\":\"string\",\"minLength\":1},\"age\":{\"type\":\"integer\","
                + "\"minimum\":0},\"email\":{\"type\":\"string\",\"format\":\"email\"},"
                + "\"tags\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/$defs/tag\"}}},"
                + "\"$defs\":{\"tag\":{\"type\":\"string\",\"enum\":[\"a\",\"b\"]}}}";

        @Test
        void conformingAnswersPass() {
            Score score = score(e, "{\"name\":\"Ada\",\"age\":36,\"email\":\"ada@example.com\",\"tags\":[\"a\"]}",
                    Map.of("schema", person));
            assertPass(score);
            assertEquals(0, score.details().get("error_count"));
        }

        @Test
        void violationsAreListedWithTheirJsonPointers() {
            Score score = score(e, "{\"name\":\"\",\"age\":-1,\"email\":\"not an address\",\"tags\":[\"c\"],\"x\":1}",
                    Map.of("schema", person));
            assertFail(score);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> errors = (List<Map<String, Object>>) score.details().get("errors");
            Set<String> paths = new HashSet<>();
            Set<String> keywords = new HashSet<>();
            errors.forEach(error -> {
                paths.add((String) error.get("path"));
                keywords.add((String) error.get("keyword"));
            });
            assertEquals(Set.of("", "/name", "/age", "/email", "/tags/0"), paths, errors.toString());
            assertEquals(Set.of("additionalProperties", "minLength", "minimum", "format", "enum"), keywords,
                    errors.toString());
            assertEquals(5, score.details().get("error_count"));
        }

        @Test
        void anAnswerThatIsNotJsonFailsWithWhere() {
            Score score = score(e, "name: Ada", Map.of("schema", person));
            assertFail(score);
            assertEquals(false, score.details().get("valid_json"));
        }

        @Test
        void olderDraftsAreReadAsTheirOwnDialect() {
            // draft 4: exclusiveMaximum is a boolean modifier of maximum
            String draft4 = "{\"$schema\":\"http://json-schema.org/draft-04/schema#\",\"type\":\"number\","
                    + "\"maximum\":10,\"exclusiveMaximum\":true}";
            assertFail(score(e, "10", Map.of("schema", draft4)));
            assertPass(score(e, "9.5", Map.of("schema", draft4)));
            // without $schema, the dialect setting decides
            String bare = "{\"type\":\"number\",\"maximum\":10,\"exclusiveMaximum\":true}";
            assertFail(score(e, "10", Map.of("schema", bare, "dialect", "4")));
            assertTrue(rejection(e, "10", null, Map.of("schema", bare)).contains("not a valid"), "boolean "
                    + "exclusiveMaximum is invalid in 2020-12");
        }

        @Test
        void badSchemasAndRemoteReferencesNameTheSetting() {
            assertTrue(rejection(e, "{}", null, Map.of()).startsWith("schema: required"));
            assertTrue(rejection(e, "{}", null, Map.of("schema", "{not json")).startsWith("schema: not JSON"));
            assertTrue(rejection(e, "{}", null, Map.of("schema", "[1]")).startsWith("schema: must be"));
            assertTrue(rejection(e, "{}", null, Map.of("schema", "{\"type\":5}")).startsWith("schema: not a valid"));
            assertTrue(rejection(e, "{}", null, Map.of("schema", "{\"$schema\":\"https://example.com/s\"}"))
                    .contains("not one of the supported"));
            String remote = "{\"properties\":{\"a\":{\"$ref\":\"http://127.0.0.1:9/schema.json\"}}}";
            String message = rejection(e, "{\"a\":1}", null, Map.of("schema", remote));
            assertTrue(message.startsWith("schema:") && message.contains("not allowed"), message);
        }
    }

    @Nested
    class Length {
        final Evaluator e = new LengthEvaluator();

        @Test
        void checksEveryGivenBound() {
            Score ok = score(e, "héllo wörld 👋", Map.of("min_chars", "5", "max_chars", "13", "max_words", "3"));
            assertPass(ok);
            assertEquals(13L, ok.details().get("chars"));
            assertEquals(3L, ok.details().get("words"));
            Score tooLong = score(e, "one two three four", Map.of("max_words", "3", "max_chars", "10"));
            assertFail(tooLong);
            assertEquals(List.of("18 characters, more than 10", "4 words, more than 3"), tooLong.details().get("violations"));
            assertFail(score(e, "", Map.of("min_words", "1")));
            assertEquals(0L, score(e, "  \n ", Map.of("min_words", "0")).details().get("words"));
        }

        @Test
        void needsConsistentBounds() {
            assertTrue(rejection(e, "x", null, Map.of()).contains("at least one of"));
            assertTrue(rejection(e, "x", null, Map.of("min_chars", "5", "max_chars", "2")).contains("greater than"));
            assertTrue(rejection(e, "x", null, Map.of("max_words", "-1")).contains("max_words must not be negative"));
        }
    }

    @Nested
    class Keywords {
        final Evaluator e = new KeywordsEvaluator();

        @Test
        void allScoresTheShareFound() {
            Score score = score(e, "Please attach the Invoice and your order number.",
                    Map.of("keywords", "[\"invoice\",\"order number\",\"refund\",\"receipt\"]"));
            assertEquals(0.5, score.value());
            assertEquals("fail", score.label());
            assertEquals(List.of("invoice", "order number"), score.details().get("found"));
            assertEquals(List.of("refund", "receipt"), score.details().get("missing"));
            assertPass(score(e, "refund and receipt", Map.of("keywords", "refund, receipt")));
        }

        @Test
        void anyNoneCaseAndWholeWords() {
            assertPass(score(e, "We can issue a refund.", Map.of("keywords", "refund,credit", "mode", "any")));
            assertFail(score(e, "We can help.", Map.of("keywords", "refund,credit", "mode", "any")));
            Score none = score(e, "That is damn good.", Map.of("keywords", "damn,hell", "mode", "none"));
            assertEquals(0.5, none.value());
            assertEquals("fail", none.label());
            assertPass(score(e, "Fine.", Map.of("keywords", "damn,hell", "mode", "none")));
            assertFail(score(e, "REFUND", Map.of("keywords", "refund", "ignore_case", "false")));
            assertPass(score(e, "shellfish", Map.of("keywords", "hell")));
            assertFail(score(e, "shellfish", Map.of("keywords", "hell", "whole_words", "true")));
            assertPass(score(e, "go to hell.", Map.of("keywords", "hell", "whole_words", "true")));
        }

        @Test
        void aMalformedListNamesTheSetting() {
            assertTrue(rejection(e, "x", null, Map.of()).contains("keywords must list"));
            assertTrue(rejection(e, "x", null, Map.of("keywords", "[\"a\", 3]")).contains("keywords[1]"));
            assertTrue(rejection(e, "x", null, Map.of("keywords", "[\"a\"")).startsWith("keywords is not a JSON array"));
            assertTrue(rejection(e, "x", null, Map.of("keywords", " , ,")).contains("at least one"));
        }
    }

    @Nested
    class Refusal {
        final Evaluator e = new RefusalEvaluator();

        @Test
        void refusalsAreDetected() {
            for (String refusal : List.of(
                    "I'm sorry, but I can't help with that.",
                    "I’m sorry, but I can’t assist with that request.",
                    "I cannot provide instructions for making weapons.",
                    "As an AI language model, I don't have personal opinions.",
                    "Unfortunately, I am unable to share that information.",
                    "I must respectfully decline.",
                    "That request goes against my guidelines.",
                    "I'm not able to help with this.",
                    "I won't be able to do that.")) {
                Score score = score(e, refusal, Map.of());
                assertEquals(0.0, score.value(), refusal);
                assertEquals(true, score.details().get("refused"), refusal);
            }
        }

        @Test
        void ordinaryAnswersAreNotRefusals() {
            for (String answer : List.of(
                    "Sure! Here is a recipe for banana bread.",
                    "The function cannot be called twice; use a guard.",
                    "I can't wait to see what you build!",
                    "Paris is the capital of France.",
                    "You cannot divide by zero in this language.")) {
                Score score = score(e, answer, Map.of());
                assertPass(score);
                assertEquals(false, score.details().get("refused"), answer);
            }
        }

        @Test
        void expectedRefusalsAndExtraPhrases() {
            assertPass(score(e, "I can't help with that.", Map.of("expect_refusal", "true")));
            assertFail(score(e, "Here you go: ...", Map.of("expect_refusal", "true")));
            Score custom = score(e, "Das kann ich leider nicht tun.", Map.of("phrases", "[\"kann ich leider nicht\"]"));
            assertFail(custom);
            assertEquals("kann ich leider nicht", custom.details().get("matched"));
        }
    }
}
