"""Generates extra_cases.json: further reference cases of the kinds in stats_cases.json.

Run with Debian's python3 and SciPy (the values in the committed file came from SciPy 1.17.1,
NumPy as installed): python3 generate_extra_cases.py > extra_cases.json
Undefined results (SciPy's NaN or ValueError) are written as null.
"""
import json
import math
import numpy as np
from scipy import stats


def num(x):
    x = float(x)
    return None if math.isnan(x) or math.isinf(x) else x


def two_sample(case_id, a, b):
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    out = {"id": case_id, "group_a": a.tolist(), "group_b": b.tolist()}
    with np.errstate(all="ignore"):
        for alt in ("two-sided", "greater", "less"):
            r = stats.ttest_ind(a, b, equal_var=False, alternative=alt)
            out.setdefault("welch", {})["statistic"] = num(r.statistic)
            out["welch"]["pvalue_" + alt] = num(r.pvalue)
        va, vb = a.var(ddof=1) / len(a) if len(a) > 1 else float("nan"), b.var(ddof=1) / len(b) if len(b) > 1 else float("nan")
        out["welch"]["df"] = num((va + vb) ** 2 / (va ** 2 / (len(a) - 1) + vb ** 2 / (len(b) - 1))) if len(a) > 1 and len(b) > 1 and va + vb > 0 else None
        has_ties = len(np.unique(np.concatenate([a, b]))) < len(a) + len(b)
        mw = {}
        for method, cont in (("asymptotic", True), ("asymptotic", False), ("exact", False)):
            if method == "exact" and has_ties:
                continue
            key = method + ("_continuity" if cont else "_no_continuity") if method == "asymptotic" else "exact"
            entry = {}
            for alt in ("two-sided", "greater", "less"):
                r = stats.mannwhitneyu(a, b, alternative=alt, method=method, use_continuity=cont)
                entry["U1"] = float(r.statistic)
                entry["pvalue_" + alt] = num(r.pvalue)
            mw[key] = entry
        out["mann_whitney_u"] = mw
    return out


def proportions(case_id, sa, na, sb, nb):
    table = np.array([[sa, na - sa], [sb, nb - sb]])
    out = {"id": case_id, "table": table.tolist()}
    for key, corr in (("chi2_yates", True), ("chi2_no_correction", False)):
        try:
            r = stats.chi2_contingency(table, correction=corr)
            out[key] = {"statistic": num(r.statistic), "pvalue": num(r.pvalue)}
        except ValueError as e:
            out[key] = {"statistic": None, "pvalue": None, "error": str(e)}
    r = stats.fisher_exact(table)
    out["fisher_exact"] = {"oddsratio": num(r.statistic), "pvalue": num(r.pvalue)}
    p = (sa + sb) / (na + nb)
    se = math.sqrt(p * (1 - p) * (1 / na + 1 / nb))
    z = (sa / na - sb / nb) / se if se > 0 else float("nan")
    out["two_proportion_z_pooled"] = {"z": num(z), "pvalue": num(2 * stats.norm.sf(abs(z)))}
    return out


rng = np.random.default_rng(7)
cases = {
    "source": "scipy.stats (version below) via generate_extra_cases.py",
    "scipy": __import__("scipy").__version__,
    "numpy": np.__version__,
    "two_sample_cases": [
        two_sample("ties_within_and_across", [1, 2, 2, 3, 3, 3, 4], [3, 4, 4, 5, 5, 6, 7, 8]),
        two_sample("exact_3_vs_5", [1.1, 2.3, 0.7], [3.2, 4.5, 2.9, 5.1, 3.8]),
        two_sample("exact_interleaved_6_vs_6", [1.0, 3.0, 5.0, 7.0, 9.0, 11.0], [2.0, 4.0, 6.0, 8.0, 10.0, 12.5]),
        two_sample("exact_8_vs_12", np.round(rng.normal(0.5, 0.1, 8), 4).tolist(), np.round(rng.normal(0.58, 0.1, 12), 4).tolist()),
        two_sample("asymptotic_9_vs_9_no_ties", np.round(rng.normal(10, 2, 9), 3).tolist(), np.round(rng.normal(11, 2, 9), 3).tolist()),
        two_sample("one_value_vs_two", [0.3], [0.1, 0.2]),
        two_sample("zero_variance_one_side", [1, 1, 1, 1], [1, 2, 3, 4]),
        two_sample("all_equal", [2, 2, 2], [2, 2, 2]),
        two_sample("latency_heavy_tail_40_vs_45", np.round(rng.lognormal(6, 0.6, 40)).tolist(), np.round(rng.lognormal(6.2, 0.6, 45)).tolist()),
    ],
    "proportion_cases": [
        proportions("zero_successes_in_a", 0, 10, 5, 10),
        proportions("rare_events", 1, 100, 9, 100),
        proportions("thousand_each", 120, 1000, 150, 1000),
        proportions("symmetric_table", 7, 10, 3, 10),
        proportions("twenty_thousand_total", 2000, 10000, 2100, 10000),
        proportions("sixty_thousand_total", 15000, 30000, 14800, 30000),
        proportions("unequal_groups", 30, 45, 80, 200),
        proportions("no_successes_anywhere", 0, 10, 0, 10),
    ],
}
print(json.dumps(cases, indent=1))
