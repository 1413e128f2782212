/**
 * Significance tests, intervals, effect sizes and power for comparing prompt versions, implemented
 * as the reference tools define them (SciPy's {@code ttest_ind}, {@code mannwhitneyu},
 * {@code chi2_contingency}, {@code fisher_exact}) on top of Apache commons-math3's special
 * functions. Degenerate inputs give a {@code null} p-value with a reason instead of NaN.
 */
package dev.argus.core.stats;
