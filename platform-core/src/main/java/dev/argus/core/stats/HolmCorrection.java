package dev.argus.core.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Holm's step-down adjustment of several p-values (family-wise error control), as
 * {@code statsmodels.multipletests(method='holm')}: sort ascending, multiply the i-th smallest by
 * (m − i + 1), keep the running maximum, cap at 1. Missing p-values stay missing and do not count
 * towards m.
 */
public final class HolmCorrection {

    private HolmCorrection() {
    }

    /** The adjusted p-values in the input order. */
    public static List<Double> adjust(List<Double> pValues) {
        List<Integer> present = new ArrayList<>();
        for (int i = 0; i < pValues.size(); i++) {
            if (pValues.get(i) != null) {
                present.add(i);
            }
        }
        present.sort(Comparator.comparingDouble(pValues::get));
        List<Double> adjusted = new ArrayList<>(java.util.Collections.nCopies(pValues.size(), (Double) null));
        int m = present.size();
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int index = present.get(rank);
            running = Math.max(running, Math.min(1.0, (m - rank) * pValues.get(index)));
            adjusted.set(index, running);
        }
        return adjusted;
    }
}
