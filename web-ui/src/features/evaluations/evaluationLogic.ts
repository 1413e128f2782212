import type { EvaluationSummary, Plugin } from '../../api/types';
import type { Tone } from '../../components/ui';

/** Evaluations still moving: their list and detail poll until they finish. */
export function isFinished(status: string): boolean {
  return status === 'completed' || status === 'completed_with_errors';
}

export function statusTone(status: string): Tone {
  if (status === 'completed') return 'green';
  if (status === 'completed_with_errors') return 'amber';
  if (status === 'running') return 'brand';
  return 'gray';
}

export function statusText(status: string): string {
  return status.replaceAll('_', ' ');
}

/** "3 of 5 scored · 1 failed · 1 queued" */
export function progressText(p: EvaluationSummary['progress']): string {
  const parts = [`${p.done} of ${p.total} scored`];
  if (p.failed > 0) parts.push(`${p.failed} failed`);
  if (p.running > 0) parts.push(`${p.running} running`);
  if (p.queued > 0) parts.push(`${p.queued} queued`);
  return parts.join(' · ');
}

export interface EvaluatorOption {
  id: string;
  name: string;
  plugin: string;
}

/** The evaluators that can run now: active evaluator extensions of started plugins, by name. */
export function evaluatorOptions(plugins: Plugin[] | undefined): EvaluatorOption[] {
  return (plugins ?? [])
    .filter((p) => p.state === 'started')
    .flatMap((p) => p.extensions.filter((e) => e.kind === 'evaluator' && e.state === 'active').map((e) => ({ id: e.id, name: e.name, plugin: p.id })))
    .sort((a, b) => a.plugin.localeCompare(b.plugin) || a.name.localeCompare(b.name));
}

/**
 * Reads the optional evaluator settings typed as `key=value` lines (blank lines and `#` comments
 * skipped); the API takes them as an object of strings. A string answer is the first problem.
 */
export function parseConfig(text: string): Record<string, string> | string {
  const config: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) return `Line ${i + 1}: write settings as key=value.`;
    const key = line.slice(0, eq).trim();
    if (key in config) return `Line ${i + 1}: ${key} is set twice.`;
    config[key] = line.slice(eq + 1).trim();
  }
  return config;
}

/** Scores (0…1 for every bundled evaluator) counted into `buckets` equal bins; a score of exactly 1 falls in the last. */
export function scoreBuckets(values: number[], buckets = 10): { from: number; to: number; count: number }[] {
  const bins = Array.from({ length: buckets }, (_, i) => ({ from: i / buckets, to: (i + 1) / buckets, count: 0 }));
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    const index = Math.min(buckets - 1, Math.max(0, Math.floor(v * buckets)));
    bins[index]!.count += 1;
  }
  return bins;
}

/** A score as the console shows it: three decimals, a dash when there is none. */
export function formatScore(value: number | null | undefined): string {
  return value == null || !Number.isFinite(value) ? '—' : value.toFixed(3);
}
