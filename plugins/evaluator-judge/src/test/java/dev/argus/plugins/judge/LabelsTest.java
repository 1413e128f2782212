package dev.argus.plugins.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LabelsTest {

    @Test
    void aListIsTrimmedAndDeduplicatedInOrder() {
        Labels labels = Labels.parse(" correct, partially_correct ,, incorrect,correct ");
        assertEquals(List.of("correct", "partially_correct", "incorrect"), labels.allowed());
        assertTrue(labels.fixed());
        assertFalse(Labels.parse(" ").fixed());
        assertFalse(Labels.parse(null).fixed());
    }

    @Test
    void judgesLabelsMatchRegardlessOfCaseAndWordSeparators() {
        Labels labels = Labels.parse("correct,partially_correct,incorrect");
        assertEquals(Optional.of("partially_correct"), labels.match("Partially correct"));
        assertEquals(Optional.of("partially_correct"), labels.match("PARTIALLY-CORRECT"));
        assertEquals(Optional.of("incorrect"), labels.match(" incorrect "));
        assertEquals(Optional.empty(), labels.match("wrong"));
        assertEquals(Optional.empty(), labels.match("partiallycorrect"));
        assertEquals(Optional.empty(), labels.match(null));
    }
}
