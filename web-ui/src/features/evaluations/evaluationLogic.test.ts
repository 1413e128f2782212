import { describe, expect, it } from 'vitest';
import type { Plugin } from '../../api/types';
import { evaluatorOptions, isFinished, parseConfig, progressText, scoreBuckets } from './evaluationLogic';

describe('evaluation helpers', () => {
  it('knows when an evaluation is done', () => {
    expect(isFinished('completed')).toBe(true);
    expect(isFinished('completed_with_errors')).toBe(true);
    expect(isFinished('running')).toBe(false);
    expect(isFinished('queued')).toBe(false);
  });

  it('summarises progress, leaving out zero counts', () => {
    expect(progressText({ total: 5, done: 3, failed: 1, running: 0, queued: 1 })).toBe('3 of 5 scored · 1 failed · 1 queued');
    expect(progressText({ total: 2, done: 2, failed: 0, running: 0, queued: 0 })).toBe('2 of 2 scored');
  });

  it('offers only active evaluators of started plugins', () => {
    const plugins: Plugin[] = [
      { id: 'evaluator-text-metrics', version: '1', requires: null, description: null, state: 'started', source: 'plugin', jar: 'x.jar', error: null, extensions: [
        { id: 'rouge1', kind: 'evaluator', name: 'ROUGE-1', state: 'active', problem: null, calls: 0, faults: 0, timeouts: 0 },
        { id: 'bleu', kind: 'evaluator', name: 'BLEU', state: 'suspended', problem: 'timeouts', calls: 0, faults: 0, timeouts: 0 },
      ] },
      { id: 'broken', version: '1', requires: null, description: null, state: 'failed', source: 'plugin', jar: 'y.jar', error: 'boom', extensions: [{ id: 'z', kind: 'evaluator', name: 'Z', state: 'active', problem: null, calls: 0, faults: 0, timeouts: 0 }] },
      { id: 'builtin', version: null, requires: null, description: null, state: 'started', source: 'builtin', jar: null, error: null, extensions: [
        { id: 'exact-match', kind: 'evaluator', name: 'Exact match', state: 'active', problem: null, calls: 0, faults: 0, timeouts: 0 },
        { id: 'mock', kind: 'provider', name: 'Mock', state: 'active', problem: null, calls: 0, faults: 0, timeouts: 0 },
      ] },
    ];
    expect(evaluatorOptions(plugins).map((o) => o.id)).toEqual(['exact-match', 'rouge1']);
  });

  it('reads key=value settings and names the bad line', () => {
    expect(parseConfig('use_stemmer = true\n\n# note\nrouge_type=rougeL')).toEqual({ use_stemmer: 'true', rouge_type: 'rougeL' });
    expect(parseConfig('')).toEqual({});
    expect(parseConfig('ok=1\nnot a setting')).toBe('Line 2: write settings as key=value.');
    expect(parseConfig('a=1\na=2')).toBe('Line 2: a is set twice.');
    expect(parseConfig('pattern=a=b')).toEqual({ pattern: 'a=b' });
  });

  it('bins scores with 1.0 in the top bin', () => {
    const bins = scoreBuckets([0, 0.05, 0.5, 0.99, 1, Number.NaN], 4);
    expect(bins.map((b) => b.count)).toEqual([2, 0, 1, 2]);
    expect(bins[3]).toEqual({ from: 0.75, to: 1, count: 2 });
  });
});
