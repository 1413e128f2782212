package dev.argus.plugins.textmetrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argus.plugins.textmetrics.rouge.PorterStemmer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PorterStemmerTest {

    private final PorterStemmer stemmer = new PorterStemmer();

    @Test
    void matchesNltk38OnEveryWordOfTheReferenceList() throws IOException {
        List<String> mismatches = new ArrayList<>();
        int words = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                PorterStemmerTest.class.getResourceAsStream("/reference/porter_nltk_3_8.tsv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] parts = line.split("\t");
                words++;
                String actual = stemmer.stem(parts[0]);
                if (!actual.equals(parts[1])) {
                    mismatches.add(parts[0] + ": expected " + parts[1] + ", got " + actual);
                }
            }
        }
        assertTrue(words > 1000, "word list too short: " + words);
        assertEquals(List.of(), mismatches);
    }

    @Test
    void portersOwnExamples() {
        // Porter (1980), steps 1a-5b
        String[][] examples = {
            {"caresses", "caress"}, {"ponies", "poni"}, {"cats", "cat"}, {"feed", "feed"}, {"agreed", "agre"},
            {"plastered", "plaster"}, {"motoring", "motor"}, {"sing", "sing"}, {"hopping", "hop"},
            {"falling", "fall"}, {"hissing", "hiss"}, {"filing", "file"}, {"relational", "relat"},
            {"conditional", "condit"}, {"rational", "ration"}, {"triplicate", "triplic"}, {"hopeful", "hope"},
            {"goodness", "good"}, {"revival", "reviv"}, {"adjustment", "adjust"}, {"adoption", "adopt"},
            {"controll", "control"}, {"roll", "roll"},
        };
        for (String[] e : examples) {
            assertEquals(e[1], stemmer.stem(e[0]), e[0]);
        }
    }

    @Test
    void nltkExtensions() {
        assertEquals("sky", stemmer.stem("skies"), "irregular form");
        assertEquals("die", stemmer.stem("dying"), "irregular form");
        assertEquals("die", stemmer.stem("dies"), "four-letter -ies keeps the e");
        assertEquals("fli", stemmer.stem("flies"));
        assertEquals("spi", stemmer.stem("spied"));
        assertEquals("enjoy", stemmer.stem("enjoy"), "y after a vowel stays");
        assertEquals("happi", stemmer.stem("happy"));
        assertEquals("is", stemmer.stem("is"), "one or two letters are left alone");
        assertEquals("geolog", stemmer.stem("geology"), "logi keeps its l with the stem");
        assertEquals("are", stemmer.stem("are"), "two-letter vowel-consonant stem keeps its e");
        assertEquals("proceed", stemmer.stem("proceed"));
    }
}
