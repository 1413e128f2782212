import type { RateLimitSnapshot } from '../../api/types';
import { ProgressBar, tdClass, thClass } from '../../components/forms';
import { ErrorState, Skeleton } from '../../components/ui';
import { formatCount, formatRelative } from '../../lib/format';
import { byTightestHeadroom, headroom } from './analytics';
import { NoData, isMissing } from './Panel';

function Left({ remaining, limit, what }: { remaining: number | string | null; limit: number | string | null; what: string }) {
  const h = headroom(remaining, limit);
  if (!h) return <span className="text-zinc-500 dark:text-zinc-400">not reported</span>;
  return (
    <div className="min-w-28">
      <div className="tabular text-xs text-zinc-700 dark:text-zinc-300">
        {formatCount(h.remaining, { compact: true })} / {formatCount(h.limit, { compact: true })}
      </div>
      <div className="mt-1">
        <ProgressBar value={h.remaining} max={h.limit} label={`${what} left`} tone={h.tone} />
      </div>
    </div>
  );
}

/** The newest rate-limit headers each provider and model answered with: how much is left before throttling. */
export function RateLimitPanel({ items, error, pending, onRetry }: { items: RateLimitSnapshot[] | undefined; error: unknown; pending: boolean; onRetry: () => void }) {
  if (pending) return <Skeleton className="h-[160px]" />;
  if (error && !isMissing(error)) return <ErrorState error={error} onRetry={onRetry} />;
  if (isMissing(error) || !items || items.length === 0) {
    return <NoData missing={isMissing(error)} height="h-[160px]" text="No call in this range carried rate-limit headers." />;
  }
  return (
    <div className="-mx-5 overflow-x-auto" data-testid="rate-limits">
      <table className="w-full text-sm">
        <caption className="sr-only">Rate-limit headroom per provider and model</caption>
        <thead>
          <tr>
            <th scope="col" className={thClass}>Model</th>
            <th scope="col" className={thClass}>Requests left</th>
            <th scope="col" className={thClass}>Tokens left</th>
            <th scope="col" className={thClass}>Seen</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {byTightestHeadroom(items).map((s) => (
            <tr key={`${s.provider}/${s.model}`}>
              <td className={tdClass}>
                <div className="font-medium text-zinc-900 dark:text-zinc-100">{s.model}</div>
                <div className="text-xs text-zinc-500 dark:text-zinc-400">{s.provider}</div>
              </td>
              <td className={tdClass}>
                <Left remaining={s.requests_remaining} limit={s.requests_limit} what={`${s.model} requests`} />
              </td>
              <td className={tdClass}>
                <Left remaining={s.tokens_remaining} limit={s.tokens_limit} what={`${s.model} tokens`} />
              </td>
              <td className={`${tdClass} text-xs whitespace-nowrap text-zinc-500 dark:text-zinc-400`}>{formatRelative(s.seen_at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
