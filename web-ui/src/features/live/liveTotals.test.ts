import { describe, expect, it } from 'vitest';
import type { LiveDeltaMessage } from '../../api/types';
import { EMPTY_TOTALS, RECENT_LIMIT, addDelta, backoffMs, liveUrl } from './liveTotals';

function delta(calls: number, ids: string[], extra: Partial<LiveDeltaMessage> = {}): LiveDeltaMessage {
  return {
    type: 'delta',
    project_id: 'p',
    provider: 'openai',
    model: 'gpt-4o-mini',
    calls,
    errors: 0,
    errors_by_category: {},
    cost_usd: 0.0015,
    input_tokens: 10 * calls,
    output_tokens: 5 * calls,
    latency_buckets: [],
    recent_calls: ids.map((id, i) => ({ id, provider: 'openai', model: 'gpt-4o-mini', status: 'success', latency_ms: 100, cost_usd: 0.0005, started_at: `2026-11-28T12:00:0${i}Z` })),
    at: '2026-11-28T12:00:10Z',
    ...extra,
  };
}

describe('live totals', () => {
  it('adds counts, costs and tokens across deltas', () => {
    const t = addDelta(addDelta(EMPTY_TOTALS, delta(3, ['a', 'b', 'c'])), delta(2, ['d', 'e'], { errors: 1 }));
    expect(t.calls).toBe(5);
    expect(t.errors).toBe(1);
    expect(t.costUsd).toBeCloseTo(0.003, 10);
    expect(t.inputTokens).toBe(50);
    expect(t.outputTokens).toBe(25);
  });

  it('keeps recent calls newest first, once each, capped', () => {
    const t = addDelta(addDelta(EMPTY_TOTALS, delta(2, ['a', 'b'])), delta(2, ['b', 'c']));
    expect(t.recent.map((c) => c.id)).toEqual(['c', 'b', 'a']);
    const many = addDelta(EMPTY_TOTALS, delta(20, Array.from({ length: 20 }, (_, i) => `id${i}`)));
    expect(many.recent).toHaveLength(RECENT_LIMIT);
  });

  it('builds the socket address for the page origin', () => {
    expect(liveUrl({ protocol: 'http:', host: '127.0.0.1:8080' }, 'tok en', 'p1')).toBe('ws://127.0.0.1:8080/ws/metrics?access_token=tok+en&project_id=p1');
    expect(liveUrl({ protocol: 'https:', host: 'argus.example' }, 'sk-1', null)).toBe('wss://argus.example/ws/metrics?access_token=sk-1');
  });

  it('backs off exponentially to 30 s', () => {
    expect([1, 2, 3, 6, 20].map(backoffMs)).toEqual([1000, 2000, 4000, 30000, 30000]);
  });
});
