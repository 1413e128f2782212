package dev.argus.plugins.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RubricTest {

    @Test
    void theDefaultShowsInputAnswerAndReference() {
        String text = new Rubric(Rubric.DEFAULT).render("What is the capital of France?", "Paris.", "Paris");
        assertTrue(text.contains("<input>\nWhat is the capital of France?\n</input>"), text);
        assertTrue(text.contains("<answer>\nParis.\n</answer>"), text);
        assertTrue(text.contains("<reference>\nParis\n</reference>"), text);
        assertTrue(!text.contains("{{"), text);
    }

    @Test
    void missingTextsAreNamedNotLeftBlank() {
        String text = new Rubric("Q: {{input}} A: {{output}} R: {{reference}}").render("", " ", null);
        assertEquals("Q: " + Rubric.NO_INPUT + " A: " + Rubric.EMPTY_ANSWER + " R: " + Rubric.NO_REFERENCE, text);
    }

    @Test
    void placeholdersMayHoldSpacesAndAnyCaseAndRepeat() {
        Rubric rubric = new Rubric("{{ output }} / {{OUTPUT}} / {{Reference}}");
        assertEquals("a / a / r", rubric.render("i", "a", "r"));
    }

    @Test
    void renderingIsOnePassSoAnswersCannotInjectOtherTexts() {
        String answer = "I quote {{reference}} and cost $5 \\o/";
        String text = new Rubric("A: {{output}} R: {{reference}}").render("i", answer, "SECRET");
        assertEquals("A: I quote {{reference}} and cost $5 \\o/ R: SECRET", text);
    }

    @Test
    void typosAndRubricsThatHideTheAnswerAreRefused() {
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class,
                () -> new Rubric("Judge {{ouptut}} against {{reference}}"));
        assertTrue(typo.getMessage().contains("{{ouptut}}"), typo.getMessage());
        IllegalArgumentException noAnswer = assertThrows(IllegalArgumentException.class,
                () -> new Rubric("Is {{input}} a good question?"));
        assertTrue(noAnswer.getMessage().contains("{{output}}"), noAnswer.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Rubric("  "));
    }

    @Test
    void singleBracesAndJsonInARubricAreLeftAlone() {
        String rubric = "Reply like {\"score\": 1}. Answer: {{output}} {not a placeholder}";
        assertEquals("Reply like {\"score\": 1}. Answer: yes {not a placeholder}", new Rubric(rubric).render("", "yes", null));
    }
}
