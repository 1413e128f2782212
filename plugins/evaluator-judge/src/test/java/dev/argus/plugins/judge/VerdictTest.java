package dev.argus.plugins.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argus.api.ErrorCategory;
import org.junit.jupiter.api.Test;

class VerdictTest {

    @Test
    void aPlainJsonAnswer() {
        Verdict v = Verdict.read("{\"score\": 4, \"label\": \"correct\", \"explanation\": \"Names Paris.\"}");
        assertEquals(new Verdict(4, "correct", "Names Paris."), v);
    }

    @Test
    void jsonInACodeFenceWithTextAround() {
        String answer = "Here is my evaluation:\n```json\n{\n  \"score\": 2.5,\n  \"label\": \"partial\",\n"
                + "  \"explanation\": \"Misses the {second} point.\"\n}\n```\nLet me know if you need more.";
        assertEquals(new Verdict(2.5, "partial", "Misses the {second} point."), Verdict.read(answer));
        assertEquals(new Verdict(3, null, null), Verdict.read("```\n{\"score\":3}\n```"));
    }

    @Test
    void jsonInsideSentencesWithoutAFence() {
        String answer = "After careful thought, my verdict is {\"score\": 5, \"label\": \"pass\", \"explanation\": "
                + "\"Correct and complete.\"} — hope this helps.";
        assertEquals(new Verdict(5, "pass", "Correct and complete."), Verdict.read(answer));
    }

    @Test
    void theFirstObjectWithAScoreWinsOverEchoedTemplatesAndWrappers() {
        String answer = "Format: {\"score\": <a whole number from 1 to 5>, \"label\": \"<...>\"}\n"
                + "{\"meta\": {\"model\": \"x\"}}\n{\"verdict\": {\"score\": 1, \"label\": \"fail\"}}";
        assertEquals(new Verdict(1, "fail", null), Verdict.read(answer));
    }

    @Test
    void keysInAnyCaseAndScoresAsStrings() {
        assertEquals(new Verdict(4, "good", "ok"), Verdict.read("{\"Score\": \"4/5\", \"LABEL\": \"good\", "
                + "\"Explanation\": \"ok\"}"));
        assertEquals(3, Verdict.read("{\"score\": \" 3 \"}").rawScore());
    }

    @Test
    void bareNumbers() {
        assertEquals(new Verdict(4, null, null), Verdict.read("4"));
        assertEquals(4, Verdict.read(" 4/5 ").rawScore());
        assertEquals(4, Verdict.read("**4**").rawScore());
        assertEquals(0.75, Verdict.read("0.75.").rawScore());
        assertEquals(3, Verdict.read("```\n3\n```").rawScore());
    }

    @Test
    void scorePairsInJsonTooBrokenToParse() {
        Verdict v = Verdict.read("{'score': 4, 'label': 'correct', 'explanation': 'It\\'s right',}");
        assertEquals(new Verdict(4, "correct", "It's right"), v);
        Verdict trailingComma = Verdict.read("{\"score\": 2, \"label\": \"weak\", \"explanation\": \"Too \\\"vague\\\".\",}");
        assertEquals(new Verdict(2, "weak", "Too \"vague\"."), trailingComma);
        assertEquals(3, Verdict.read("Score: 3\nThe answer is partly right.").rawScore());
    }

    @Test
    void nonStringLabelsAndExplanationsAreKeptAsJsonText() {
        Verdict v = Verdict.read("{\"score\": 1, \"label\": 0, \"explanation\": [\"a\", \"b\"]}");
        assertEquals("0", v.label());
        assertEquals("[\"a\",\"b\"]", v.explanation());
    }

    @Test
    void longTextsAreBoundedAndBlankOnesDropped() {
        Verdict v = Verdict.read("{\"score\": 1, \"label\": \"  \", \"explanation\": \"" + "x".repeat(5000) + "\"}");
        assertNull(v.label());
        assertTrue(v.explanation().length() <= 4001, "explanation kept at " + v.explanation().length());
    }

    @Test
    void answersWithoutAUsableScoreAreRefusedWithTheAnswerQuoted() {
        for (String answer : new String[] {"", "   ", "The answer is good, I would rate it highly.",
                "{\"label\": \"correct\", \"explanation\": \"no score here\"}", "{\"score\": null}",
                "{\"score\": true}", "{\"score\": \"high\"}", "{\"score\": 1e999}", "four out of five"}) {
            UnusableAnswerException e = assertThrows(UnusableAnswerException.class, () -> Verdict.read(answer), answer);
            assertTrue(e.getMessage().startsWith("the judge's answer is not usable ("), e.getMessage());
            assertEquals(ErrorCategory.UNKNOWN, e.category());
        }
        UnusableAnswerException e = assertThrows(UnusableAnswerException.class,
                () -> Verdict.read("I cannot judge this.\n" + "y".repeat(1000)));
        assertTrue(e.getMessage().contains("\"I cannot judge this. yyy"), e.getMessage());
        assertTrue(e.getMessage().length() < 400, "the quoted answer is shortened");
    }
}
