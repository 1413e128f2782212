import { describe, expect, it } from 'vitest';
import type { RateLimitSnapshot } from '../../api/types';
import { ALL_TIME_MS, analyticsQuery, byTightestHeadroom, costShares, headroom, histogramBars } from './analytics';

const now = Date.parse('2026-05-10T11:59:30.500Z');

describe('analyticsQuery', () => {
  it('resolves a relative range to whole minutes ending after now, and keeps only the filters analytics understand', () => {
    expect(analyticsQuery({ range: '1h', tags: ['x'], model: 'gpt-4o', status: 'error', q: 'hi' }, now)).toEqual({
      from: '2026-05-10T11:00:00.000Z',
      to: '2026-05-10T12:00:00.000Z',
      provider: undefined,
      model: 'gpt-4o',
      prompt: undefined,
    });
  });

  it('asks for the longest range the server serves for all time, and passes a custom range through', () => {
    expect(analyticsQuery({ range: 'all', tags: [] }, now).from).toBe(new Date(Date.parse('2026-05-10T12:00:00Z') - ALL_TIME_MS).toISOString());
    expect(ALL_TIME_MS).toBeLessThan(400 * 86_400_000);
    const custom = analyticsQuery({ range: 'custom', from: '2026-05-01T00:00:00Z', to: '2026-05-02T00:00:00Z', tags: [] }, now);
    expect([custom.from, custom.to]).toEqual(['2026-05-01T00:00:00Z', '2026-05-02T00:00:00Z']);
  });
});

describe('histogramBars', () => {
  it('labels buckets, the open last one included, with their share', () => {
    const bars = histogramBars({
      from: '',
      to: '',
      total: 4,
      p50_ms: 300,
      p95_ms: 70000,
      p99_ms: 70000,
      buckets: [
        { lower_ms: 250, upper_ms: 500, count: 3 },
        { lower_ms: 60000, upper_ms: null, count: 1 },
      ],
    });
    expect(bars).toEqual([
      { label: '250 ms – 500 ms', count: 3, share: 0.75 },
      { label: '≥ 1 m 00 s', count: 1, share: 0.25 },
    ]);
  });

  it('is empty without calls', () => {
    expect(histogramBars(undefined)).toEqual([]);
    expect(histogramBars({ from: '', to: '', total: 0, p50_ms: null, p95_ms: null, p99_ms: null, buckets: [] })).toEqual([]);
  });
});

describe('costShares', () => {
  it('orders by cost and folds the tail into "other"', () => {
    const shares = costShares(
      [
        { key: 'a', calls: 1, cost_usd: 0.25, input_tokens: 0, output_tokens: 0 },
        { key: 'b', calls: 5, cost_usd: 0.5, input_tokens: 0, output_tokens: 0 },
        { key: null, calls: 2, cost_usd: 0.125, input_tokens: 0, output_tokens: 0 },
        { key: 'd', calls: 3, cost_usd: 0.125, input_tokens: 0, output_tokens: 0 },
      ],
      2,
    );
    expect(shares.map((s) => [s.key, s.cost, s.calls])).toEqual([
      ['b', 0.5, 5],
      ['a', 0.25, 1],
      ['2 other', 0.25, 5],
    ]);
    expect(shares.map((s) => s.share)).toEqual([0.5, 0.25, 0.25]);
  });

  it('gives zero shares when nothing cost anything', () => {
    expect(costShares([{ key: 'x', calls: 2, cost_usd: 0, input_tokens: 0, output_tokens: 0 }])[0]?.share).toBe(0);
  });
});

describe('headroom', () => {
  it('needs both numbers and colours by what is left', () => {
    expect(headroom(null, 100)).toBeNull();
    expect(headroom(5, 0)).toBeNull();
    expect(headroom(5, 100)?.tone).toBe('red');
    expect(headroom(20, 100)?.tone).toBe('amber');
    expect(headroom(90, 100)).toEqual({ remaining: 90, limit: 100, ratio: 0.9, tone: 'green' });
    expect(headroom(150, 100)?.ratio).toBe(1);
  });

  it('puts the tightest provider first', () => {
    const snap = (model: string, rr: number | null, tr: number | null): RateLimitSnapshot => ({
      provider: 'openai',
      model,
      seen_at: '',
      requests_limit: 100,
      requests_remaining: rr,
      tokens_limit: 1000,
      tokens_remaining: tr,
      requests_reset: null,
      tokens_reset: null,
      retry_after: null,
    });
    expect(byTightestHeadroom([snap('a', 90, 900), snap('b', 90, 50), snap('c', null, null)]).map((s) => s.model)).toEqual(['b', 'a', 'c']);
  });
});
