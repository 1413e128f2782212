import type { Experiment, PromptDiff } from '../../api/types';

export type DiffLine = PromptDiff['lines'][number];

/** A diff as displayed: changed lines with `context` unchanged lines around them; longer unchanged runs fold into one row. */
export type DiffRow = { kind: 'line'; line: DiffLine } | { kind: 'fold'; count: number; key: string };

export function foldDiff(lines: DiffLine[], context = 3): DiffRow[] {
  if (!lines.some((l) => l.op !== 'equal')) return lines.map((line) => ({ kind: 'line', line }));
  const keep = lines.map((l) => l.op !== 'equal');
  lines.forEach((l, i) => {
    if (l.op === 'equal') return;
    for (let j = Math.max(0, i - context); j <= Math.min(lines.length - 1, i + context); j++) keep[j] = true;
  });
  const rows: DiffRow[] = [];
  let folded = 0;
  lines.forEach((line, i) => {
    if (keep[i]) {
      if (folded > 0) rows.push({ kind: 'fold', count: folded, key: `fold-${i}` });
      folded = 0;
      rows.push({ kind: 'line', line });
    } else {
      folded += 1;
    }
  });
  if (folded > 0) rows.push({ kind: 'fold', count: folded, key: 'fold-end' });
  return rows;
}

/** Each variant's share of traffic, from the weights (percent, rounded to one decimal). */
export function variantShares(variants: Experiment['variants']): { version: number; weight: number; percent: number }[] {
  const total = variants.reduce((sum, v) => sum + v.weight, 0);
  return variants.map((v) => ({ ...v, percent: total > 0 ? Math.round((v.weight / total) * 1000) / 10 : 0 }));
}

/**
 * The two versions a diff starts with: the one before the newest and the newest (or the newest twice
 * when there is only one), from a list of version numbers in any order.
 */
export function defaultDiffPair(versions: number[]): [number, number] | null {
  const sorted = [...new Set(versions)].sort((a, b) => a - b);
  const newest = sorted[sorted.length - 1];
  if (newest === undefined) return null;
  return [sorted[sorted.length - 2] ?? newest, newest];
}

/** Label names the API accepts: lower-case letters, digits, '.', '_' and '-', starting with a letter or digit, not "latest". */
export function labelProblem(label: string): string | null {
  if (!/^[a-z0-9][a-z0-9._-]{0,63}$/.test(label)) return 'A label is 1 to 64 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit.';
  if (label === 'latest') return '"latest" always means the newest version and cannot be moved.';
  return null;
}
