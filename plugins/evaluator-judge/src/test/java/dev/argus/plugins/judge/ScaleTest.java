package dev.argus.plugins.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScaleTest {

    @Test
    void gradesMapLinearlyFromLowestToHighest() {
        Scale five = Scale.parse("1-5");
        assertEquals(0.0, five.normalise(1));
        assertEquals(0.25, five.normalise(2));
        assertEquals(0.5, five.normalise(3));
        assertEquals(0.875, five.normalise(4.5));
        assertEquals(1.0, five.normalise(5));
        assertEquals(0.85, Scale.parse("0-100").normalise(85), 1e-12);
        assertEquals(0.7, Scale.parse("0-1").normalise(0.7), 1e-12);
        assertEquals(0.5, Scale.parse("1-3").normalise(2));
    }

    @Test
    void gradesOffTheScaleAreClamped() {
        Scale five = Scale.parse("1-5");
        assertFalse(five.contains(7));
        assertEquals(1.0, five.normalise(7));
        assertFalse(five.contains(0));
        assertEquals(0.0, five.normalise(0));
        assertEquals(0.0, five.normalise(-3));
        assertTrue(five.contains(1) && five.contains(5));
    }

    @Test
    void everyOfferedScaleParsesBackToItsName() {
        for (String name : Scale.NAMES) {
            assertEquals(name, Scale.parse(name).name());
        }
    }

    @Test
    void malformedScalesAreRefused() {
        for (String bad : new String[] {"5", "5-1", "3-3", "a-b", "1-5-7", "", null}) {
            assertThrows(IllegalArgumentException.class, () -> Scale.parse(bad), String.valueOf(bad));
        }
    }
}
