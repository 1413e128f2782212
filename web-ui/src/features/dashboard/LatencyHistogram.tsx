import type { LatencyDistribution } from '../../api/types';
import { ErrorState, Skeleton } from '../../components/ui';
import { formatCount, formatDuration, formatPercent } from '../../lib/format';
import { histogramBars } from './analytics';
import { NoData, isMissing } from './Panel';

/**
 * The latency distribution over the range as vertical bars (one per non-empty histogram bucket of the
 * rollups), with p50/p95/p99; a table of the same numbers is there for screen readers.
 */
export function LatencyHistogram({ data, error, pending, onRetry }: { data: LatencyDistribution | undefined; error: unknown; pending: boolean; onRetry: () => void }) {
  if (pending) return <Skeleton className="h-[220px]" />;
  if (error && !isMissing(error)) return <ErrorState error={error} onRetry={onRetry} />;
  const bars = histogramBars(data);
  if (isMissing(error) || bars.length === 0) return <NoData missing={isMissing(error)} />;
  const peak = Math.max(...bars.map((b) => b.share));
  return (
    <div data-testid="latency-histogram">
      <dl className="mb-3 flex gap-5 text-xs">
        {(
          [
            ['p50', data?.p50_ms],
            ['p95', data?.p95_ms],
            ['p99', data?.p99_ms],
          ] as const
        ).map(([label, value]) => (
          <div key={label} className="flex items-baseline gap-1.5">
            <dt className="text-zinc-500 dark:text-zinc-400">{label}</dt>
            <dd className="tabular font-semibold text-zinc-900 dark:text-white">{formatDuration(value)}</dd>
          </div>
        ))}
        <div className="ml-auto flex items-baseline gap-1.5">
          <dt className="text-zinc-500 dark:text-zinc-400">calls</dt>
          <dd className="tabular font-semibold text-zinc-900 dark:text-white">{formatCount(data?.total)}</dd>
        </div>
      </dl>
      <div aria-hidden className="flex h-[170px] items-end gap-1 border-b border-zinc-200 dark:border-zinc-800">
        {bars.map((b) => (
          <div key={b.label} className="group flex h-full min-w-0 flex-1 flex-col justify-end" title={`${b.label}: ${formatCount(b.count)} calls (${formatPercent(b.share)})`}>
            <div className="rounded-t bg-brand-500/80 group-hover:bg-brand-600" style={{ height: `${Math.max(2, (b.share / peak) * 100)}%` }} />
          </div>
        ))}
      </div>
      <div aria-hidden className="mt-1 flex gap-1">
        {bars.map((b) => (
          <div key={b.label} className="min-w-0 flex-1 truncate text-center text-[10px] text-zinc-500 dark:text-zinc-400">
            {b.label}
          </div>
        ))}
      </div>
      <table className="sr-only">
        <caption>Latency distribution</caption>
        <thead>
          <tr>
            <th scope="col">Latency</th>
            <th scope="col">Calls</th>
            <th scope="col">Share</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((b) => (
            <tr key={b.label}>
              <td>{b.label}</td>
              <td>{b.count}</td>
              <td>{formatPercent(b.share)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
