import { describe, expect, it } from 'vitest';
import { hasIsolatedPoints, isEmpty, stack, toChartData } from './timeseries';

describe('toChartData', () => {
  it('aligns grouped series on one axis and leaves missing buckets as gaps', () => {
    const data = toChartData({
      metric: 'requests',
      interval: '1m',
      group_by: 'provider',
      from: '2026-05-01T12:00:00Z',
      to: '2026-05-01T12:02:00Z',
      series: [
        { key: 'openai', points: [{ t: '2026-05-01T12:00:00Z', v: 3 }, { t: '2026-05-01T12:01:00Z', v: 5 }] },
        { key: 'anthropic', points: [{ t: '2026-05-01T12:01:00Z', v: 2 }] },
      ],
    });
    const t0 = Date.parse('2026-05-01T12:00:00Z') / 1000;
    expect(data.x).toEqual([t0, t0 + 60]);
    expect(data.series).toEqual([
      { label: 'openai', values: [3, 5] },
      { label: 'anthropic', values: [null, 2] },
    ]);
    expect(isEmpty(data)).toBe(false);
  });

  it('reads a bare list of points with other common field names', () => {
    const data = toChartData({ points: [{ bucket: '2026-05-01T12:00:00Z', value: 1.5 }, { time: 'bad', value: 9 }] }, 'p95');
    expect(data.series).toEqual([{ label: 'p95', values: [1.5] }]);
  });

  it('is empty for no answer or only nulls', () => {
    expect(isEmpty(toChartData(null))).toBe(true);
    expect(isEmpty(toChartData({ metric: 'cost', interval: '1h', group_by: null, from: '2026-05-01T00:00:00Z', to: '2026-05-01T01:00:00Z', series: [] }))).toBe(true);
    expect(isEmpty(toChartData({ points: [{ t: '2026-05-01T00:00:00Z', v: null }] }))).toBe(true);
  });
});

describe('stack', () => {
  it('accumulates series per bucket and keeps empty buckets empty', () => {
    const stacked = stack({
      x: [1, 2, 3],
      series: [
        { label: 'a', values: [1, null, null] },
        { label: 'b', values: [2, 5, null] },
      ],
    });
    expect(stacked.series).toEqual([
      { label: 'a', values: [1, 0, null] },
      { label: 'b', values: [3, 5, null] },
    ]);
  });
});

describe('chart range and sparse series', () => {
  it('keeps the requested range so a chart spans it even where there are no points', () => {
    const data = toChartData({ metric: 'latency_p95', interval: '1h', group_by: null, from: '2026-05-01T00:00:00Z', to: '2026-05-02T00:00:00Z', series: [{ key: null, points: [{ t: '2026-05-01T12:00:00Z', v: 900 }] }] });
    expect(data.range).toEqual([Date.parse('2026-05-01T00:00:00Z') / 1000, Date.parse('2026-05-02T00:00:00Z') / 1000]);
    expect(toChartData({ points: [] }).range).toBeUndefined();
  });

  it('finds values with no neighbour to draw a line to', () => {
    expect(hasIsolatedPoints([5])).toBe(true);
    expect(hasIsolatedPoints([null, 3, null, 4, 5])).toBe(true);
    expect(hasIsolatedPoints([1, 2, null, 4, 5])).toBe(false);
    expect(hasIsolatedPoints([null, null])).toBe(false);
  });
});
