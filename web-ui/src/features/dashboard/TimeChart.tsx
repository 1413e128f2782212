import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useTheme } from '../../app/theme';
import type { ChartData } from './timeseries';

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
  height = 220,
  label,
}: {
  data: ChartData;
  format: (value: number) => string;
  kind?: 'line' | 'area' | 'bars';
  height?: number;
  label: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const [theme] = useTheme();
  const seriesKey = data.series.map((s) => s.label).join('|');
  const formatRef = useRef(format);
  formatRef.current = format;

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
      scales: { x: { time: true } },
      axes: [
        { ...axis },
        { ...axis, size: 56, values: (_u, ticks) => ticks.map((t) => formatRef.current(t)) },
      ],
      series: [
        {},
        ...data.series.map((s, i) => {
          const color = PALETTE[i % PALETTE.length]!;
          return {
            label: s.label,
            stroke: color,
            width: kind === 'bars' ? 0 : 2,
            fill: kind === 'line' ? undefined : kind === 'bars' ? color : `${color}22`,
            points: { show: false },
            spanGaps: false,
            ...(kind === 'bars' && bars ? { paths: bars } : {}),
            value: (_u: uPlot, v: number | null) => (v == null ? '—' : formatRef.current(v)),
          } satisfies uPlot.Series;
        }),
      ],
    };
    const plot = new uPlot(opts, [data.x, ...data.series.map((s) => s.values)] as uPlot.AlignedData, el);
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
  }, [seriesKey, kind, theme, height]);

  useEffect(() => {
    chart.current?.setData([data.x, ...data.series.map((s) => s.values)] as uPlot.AlignedData);
  }, [data]);

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
