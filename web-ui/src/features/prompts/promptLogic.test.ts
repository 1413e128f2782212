import { describe, expect, it } from 'vitest';
import { defaultDiffPair, foldDiff, labelProblem, variantShares, type DiffLine } from './promptLogic';

const eq = (n: number): DiffLine => ({ op: 'equal', old_line: n, new_line: n, text: `line ${n}` });

describe('foldDiff', () => {
  it('keeps context around changes and folds long unchanged runs', () => {
    const lines: DiffLine[] = [...Array.from({ length: 10 }, (_, i) => eq(i + 1)), { op: 'delete', old_line: 11, new_line: null, text: 'old' }, { op: 'insert', old_line: null, new_line: 11, text: 'new' }, ...Array.from({ length: 5 }, (_, i) => eq(i + 12))];
    const rows = foldDiff(lines, 2);
    expect(rows.map((r) => (r.kind === 'fold' ? `…${r.count}` : r.line.text))).toEqual(['…8', 'line 9', 'line 10', 'old', 'new', 'line 12', 'line 13', '…3']);
  });

  it('shows everything when nothing changed', () => {
    expect(foldDiff([eq(1), eq(2)], 0)).toHaveLength(2);
  });
});

describe('variantShares', () => {
  it('turns weights into percentages', () => {
    expect(variantShares([{ version: 1, weight: 1 }, { version: 2, weight: 2 }]).map((v) => v.percent)).toEqual([33.3, 66.7]);
    expect(variantShares([])).toEqual([]);
  });
});

describe('defaultDiffPair', () => {
  it('compares the newest with the one before it', () => {
    expect(defaultDiffPair([3, 1, 2])).toEqual([2, 3]);
    expect(defaultDiffPair([1])).toEqual([1, 1]);
    expect(defaultDiffPair([])).toBeNull();
  });
});

describe('labelProblem', () => {
  it('accepts what the API accepts', () => {
    expect(labelProblem('production')).toBeNull();
    expect(labelProblem('canary-2')).toBeNull();
    expect(labelProblem('Prod')).toMatch(/lower-case/);
    expect(labelProblem('')).toMatch(/lower-case/);
    expect(labelProblem('latest')).toMatch(/newest/);
  });
});
