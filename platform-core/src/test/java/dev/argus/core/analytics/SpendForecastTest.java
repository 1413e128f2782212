package dev.argus.core.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The spend forecast on synthetic linear series. */
class SpendForecastTest {

    static List<SpendForecast.Day> linear(LocalDate first, int n, double a, double b, double noise, long seed) {
        Random random = new Random(seed);
        List<SpendForecast.Day> days = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            days.add(new SpendForecast.Day(first.plusDays(i), a + b * i + noise * random.nextGaussian()));
        }
        return days;
    }

    @Test
    void anExactLineIsContinuedExactly() {
        // 10 + 2x over June 1..20: the rest of June is days 20..29, the next 30 days 20..49
        SpendForecast.Result r = SpendForecast.fit(linear(LocalDate.of(2026, 6, 1), 20, 10, 2, 0, 1), 0.95, 30);
        assertEquals(2, r.slopePerDay(), 1e-9);
        assertEquals(10 + 2 * 20, r.nextDays().getFirst().value(), 1e-9);
        double restOfJune = 0;
        for (int x = 20; x <= 29; x++) {
            restOfJune += 10 + 2 * x;
        }
        assertEquals(restOfJune, r.remainingMonth().value(), 1e-6);
        double next30 = 0;
        for (int x = 20; x < 50; x++) {
            next30 += 10 + 2 * x;
        }
        assertEquals(next30, r.next30Days().value(), 1e-6);
        assertEquals(r.next30Days().value(), r.next30Days().upper(), 1e-6);
        assertTrue(r.history().stream().noneMatch(SpendForecast.Checked::anomaly));
    }

    @Test
    void noisyLineKeepsMostFutureDaysInsideTheInterval() {
        List<SpendForecast.Day> all = linear(LocalDate.of(2026, 3, 1), 60, 100, 1.5, 5, 42);
        SpendForecast.Result r = SpendForecast.fit(all.subList(0, 30), 0.95, 30);
        assertEquals(1.5, r.slopePerDay(), 0.5);
        int inside = 0;
        for (int i = 0; i < 30; i++) {
            SpendForecast.Prediction p = r.nextDays().get(i);
            double actual = all.get(30 + i).value();
            assertTrue(p.lower() < p.value() && p.value() < p.upper());
            if (actual >= p.lower() && actual <= p.upper()) {
                inside++;
            }
        }
        assertTrue(inside >= 25, "days inside the 95% interval: " + inside + "/30");
        // the sum's interval holds the real 30-day total
        double total = all.subList(30, 60).stream().mapToDouble(SpendForecast.Day::value).sum();
        assertTrue(total >= r.next30Days().lower() && total <= r.next30Days().upper(),
                total + " outside " + r.next30Days());
    }

    @Test
    void aSpikeIsFlaggedAsAnomaly() {
        List<SpendForecast.Day> days = new ArrayList<>(linear(LocalDate.of(2026, 3, 1), 30, 100, 1, 2, 7));
        days.set(17, new SpendForecast.Day(days.get(17).day(), days.get(17).value() + 80));
        SpendForecast.Result r = SpendForecast.fit(days, 0.95, 1);
        assertTrue(r.history().get(17).anomaly());
        assertFalse(r.history().get(3).anomaly());
        assertTrue(r.history().stream().filter(SpendForecast.Checked::anomaly).count() <= 2);
    }

    @Test
    void tooFewDaysAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> SpendForecast.fit(linear(LocalDate.of(2026, 1, 1), 2, 1, 1, 0, 1), 0.95, 5));
    }
}
