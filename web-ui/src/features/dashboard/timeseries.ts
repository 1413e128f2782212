import type { Timeseries, TimeseriesSeries } from '../../api/types';

/** Columnar series as the chart library wants them: shared x (unix seconds) and one y array per series. */
export interface ChartData {
  x: number[];
  series: { label: string; values: (number | null)[] }[];
  /** the requested time range in unix seconds, so a chart spans it even where there are no points */
  range?: [number, number];
}

function toNumber(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

function pointTime(point: Record<string, unknown>): number | null {
  const raw = point.t ?? point.time ?? point.bucket ?? point.ts ?? point.timestamp;
  if (typeof raw === 'number') return raw > 1e11 ? Math.floor(raw / 1000) : raw;
  if (typeof raw !== 'string') return null;
  const ms = Date.parse(raw);
  return Number.isNaN(ms) ? null : Math.floor(ms / 1000);
}

function pointValue(point: Record<string, unknown>): number | null {
  return toNumber(point.v ?? point.value ?? point.y);
}

/**
 * Aligns the series of a time-series answer on one time axis; a bucket a series has no point for is
 * a gap (null), never a made-up zero. Accepts `{series:[{key,points}]}` and a bare `{points}`.
 */
export function toChartData(answer: Timeseries | { points?: unknown[] } | null | undefined, totalLabel = 'total'): ChartData {
  if (!answer) return { x: [], series: [] };
  const raw: TimeseriesSeries[] = 'series' in answer && Array.isArray(answer.series)
    ? answer.series
    : Array.isArray((answer as { points?: unknown[] }).points)
      ? [{ key: null, points: (answer as { points: TimeseriesSeries['points'] }).points }]
      : [];
  const times = new Set<number>();
  const parsed = raw.map((s) => {
    const byTime = new Map<number, number | null>();
    for (const p of s.points as unknown as Record<string, unknown>[]) {
      const t = pointTime(p);
      if (t === null) continue;
      times.add(t);
      byTime.set(t, pointValue(p));
    }
    const key = s.key ?? (s as unknown as { group?: string; name?: string }).group ?? (s as unknown as { name?: string }).name;
    return { label: key ?? totalLabel, byTime };
  });
  const x = [...times].sort((a, b) => a - b);
  const data: ChartData = {
    x,
    series: parsed.map((s) => ({ label: s.label, values: x.map((t) => (s.byTime.has(t) ? (s.byTime.get(t) ?? null) : null)) })),
  };
  const range = answerRange(answer);
  if (range) data.range = range;
  return data;
}

function answerRange(answer: object): [number, number] | undefined {
  const { from, to } = answer as { from?: unknown; to?: unknown };
  if (typeof from !== 'string' || typeof to !== 'string') return undefined;
  const a = Date.parse(from);
  const b = Date.parse(to);
  return Number.isNaN(a) || Number.isNaN(b) || a >= b ? undefined : [Math.floor(a / 1000), Math.floor(b / 1000)];
}

/**
 * True when some value has no neighbour to draw a line to (gaps on both sides): such series are drawn
 * with points, or a lone bucket would be invisible.
 */
export function hasIsolatedPoints(values: (number | null)[]): boolean {
  return values.some((v, i) => v != null && (values[i - 1] ?? null) === null && (values[i + 1] ?? null) === null);
}

/** True when there is not a single value to draw. */
export function isEmpty(data: ChartData): boolean {
  return data.x.length === 0 || data.series.every((s) => s.values.every((v) => v === null));
}

/**
 * Stacks series for a stacked chart: series i becomes the running sum of series 0..i (gaps count as
 * zero once any series has a value in that bucket). Drawn from the last series to the first, each
 * band shows its own share.
 */
export function stack(data: ChartData): ChartData {
  const totals = data.x.map(() => 0);
  const present = data.x.map((_, i) => data.series.some((s) => s.values[i] != null));
  return {
    x: data.x,
    series: data.series.map((s) => ({
      label: s.label,
      values: s.values.map((v, i) => {
        if (!present[i]) return null;
        totals[i] = (totals[i] ?? 0) + (v ?? 0);
        return totals[i] ?? null;
      }),
    })),
  };
}
