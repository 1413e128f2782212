import { useEffect, useMemo, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useTheme } from '../../app/theme';
import { hasIsolatedPoints, stack, type ChartData } from './timeseries';

/** Series colours, distinguishable in both themes. */
export const PALETTE = ['#6366f1', '#10b981', '#f59e0b', '#f43f5e', '#0ea5e9', '#a855f7', '#14b8a6', '#f97316'];

/**
 * A canvas time-series chart (uPlot): cheap to redraw, so live updates call setData instead of
 * rebuilding, and thousands of points per series stay smooth.
 */
export function TimeChart({
  data,
  format,
  kind = 'line',
  stacked = false,
  height = 220,
  label,
}: {
  data: ChartData;
  stacked?: boolean;
  format: (value: number) => string;
  kind?: 'line' | 'area' | 'bars';
  height?: number;
  label: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  // stacked: cumulative values drawn from the top series down, so each band shows its own share
  const drawn = useMemo(() => {
    if (!stacked) return data;
    const cumulative = stack(data);
    return { ...cumulative, series: [...cumulative.series].reverse() };
  }, [data, stacked]);
  const colorOf = (i: number) => PALETTE[(stacked ? drawn.series.length - 1 - i : i) % PALETTE.length]!;
  const chart = useRef<uPlot | null>(null);
  const [theme] = useTheme();
  const seriesKey = drawn.series.map((s) => s.label).join('|');
  const formatRef = useRef(format);
  formatRef.current = format;
  const rangeRef = useRef(data.range);
  rangeRef.current = data.range;
  const sparse = kind !== 'bars' && drawn.series.some((s) => hasIsolatedPoints(s.values));

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const dark = theme === 'dark';
    const axis = {
      stroke: dark ? '#a1a1aa' : '#71717a',
      grid: { stroke: dark ? 'rgba(255,255,255,0.06)' : 'rgba(0,0,0,0.06)', width: 1 },
      ticks: { show: false },
      font: '11px Inter Variable, system-ui, sans-serif',
    };
    const bars = uPlot.paths.bars?.({ size: [0.7, 40] });
    const opts: uPlot.Options = {
      width: el.clientWidth || 600,
      height,
      padding: [8, 8, 0, 0],
      cursor: { points: { size: 6 }, drag: { x: false, y: false } },
      legend: { show: false },
      scales: {
        x: {
          time: true,
          // span the requested range: for a single bucket uPlot would otherwise pad the axis to 1000 days
          range: (_u, min, max) => rangeRef.current ?? [min, max],
        },
      },
      axes: [
        { ...axis },
        { ...axis, size: 56, values: (_u, ticks) => ticks.map((t) => formatRef.current(t)) },
      ],
      series: [
        {},
        ...drawn.series.map((s, i) => {
          const color = colorOf(i);
          return {
            label: s.label,
            stroke: color,
            width: kind === 'bars' ? 0 : 2,
            fill: kind === 'line' ? undefined : kind === 'bars' ? color : stacked ? `${color}99` : `${color}22`,
            points: sparse ? { show: true, size: 6, fill: color, stroke: color } : { show: false },
            spanGaps: false,
            ...(kind === 'bars' && bars ? { paths: bars } : {}),
            value: (_u: uPlot, v: number | null) => (v == null ? '—' : formatRef.current(v)),
          } satisfies uPlot.Series;
        }),
      ],
    };
    const plot = new uPlot(opts, [drawn.x, ...drawn.series.map((s) => s.values)] as uPlot.AlignedData, el);
    chart.current = plot;
    const resize = new ResizeObserver(() => plot.setSize({ width: el.clientWidth, height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
      chart.current = null;
    };
    // rebuilt only when the series set, kind or theme change; new values go through setData below
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [seriesKey, kind, stacked, theme, height, sparse]);

  useEffect(() => {
    chart.current?.setData([drawn.x, ...drawn.series.map((s) => s.values)] as uPlot.AlignedData);
  }, [drawn]);

  return (
    <figure>
      <div ref={container} role="img" aria-label={label} />
      {data.series.length > 1 || data.series[0]?.label !== 'total' ? (
        <figcaption className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400">
          {data.series.map((s, i) => (
            <span key={s.label} className="inline-flex items-center gap-1.5">
              <span aria-hidden className="size-2 rounded-full" style={{ background: PALETTE[i % PALETTE.length] }} />
              {s.label}
            </span>
          ))}
        </figcaption>
      ) : null}
    </figure>
  );
}
